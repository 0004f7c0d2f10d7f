import type { NumberParam, ParamValues } from '../../engine/params.ts';

/**
 * The value of a number parameter, or its default when absent. Surfaces are normally given
 * resolved parameters (src/engine/validateParams.ts); the fallback keeps `create({})` and the
 * catalog listing working with partial values.
 */
export function readNumber(values: ParamValues, spec: NumberParam): number {
  const v = values[spec.name];
  return typeof v === 'number' ? v : (spec.default as number);
}
