import type { NumberParam, ParamValues } from '../../engine/params.ts';

/** A number parameter of a surface (a slider that reshapes the terrain). */
export function surfaceParam(
  name: string,
  label: string,
  help: string,
  def: number,
  min: number,
  max: number,
  extra: Partial<Pick<NumberParam, 'log' | 'integer' | 'sliderMin' | 'sliderMax'>> = {},
): NumberParam {
  return { kind: 'number', name, label, help, default: def, min, max, ...extra };
}

/**
 * The value of a number parameter, or its default when absent. Surfaces are normally given
 * resolved parameters (src/engine/validateParams.ts); the fallback keeps `create({})` and the
 * catalog listing working with partial values.
 */
export function readNumber(values: ParamValues, spec: NumberParam): number {
  const v = values[spec.name];
  return typeof v === 'number' ? v : (spec.default as number);
}
