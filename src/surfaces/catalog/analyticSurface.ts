import type { NumberParam, ParamValues } from '../../engine/params.ts';
import { compileSurfaceExpression, type CompiledSurface } from '../expression/compileExpression.ts';
import type { SurfaceDef } from '../surface.ts';
import { readNumber } from './paramSpecs.ts';

/** A catalog entry written as one expression: everything but `create`, which follows from it. */
export interface AnalyticSpec extends Omit<SurfaceDef, 'create' | 'expression' | 'params'> {
  params: readonly NumberParam[];
  /** f in x, y, the parameters' names and the constants' (mathjs syntax). */
  expression: string;
  /** Fixed named values the expression uses (a well's centre, a ring's radius). */
  constants?: Readonly<Record<string, number>>;
}

/**
 * A surface defined once, by its expression: the compiler (src/surfaces/expression) gives f, the
 * exact gradient and Hessian, and the grid loop; "Copy as PyTorch" translates the same tree. It is
 * compiled on the first create() (differentiating takes milliseconds, not worth paying for every
 * surface at start-up); each create() then only binds the parameter values.
 */
export function analyticSurface(spec: AnalyticSpec): SurfaceDef {
  const { expression, constants = {}, ...rest } = spec;
  const names = [...spec.params.map((p) => p.name), ...Object.keys(constants)];
  let compiled: CompiledSurface | undefined;
  const def: SurfaceDef = {
    ...rest,
    expression: { source: expression, constants },
    create(params) {
      compiled ??= compileSurfaceExpression(expression, names);
      const values = expressionValues(def, params);
      return compiled.bind(names.map((name) => values[name]));
    },
  };
  return def;
}

/** Every name the expression uses, with its value: the parameters' (defaulted), the constants'. */
export function expressionValues(
  def: Pick<SurfaceDef, 'params' | 'expression'>,
  params: ParamValues,
): Record<string, number> {
  const values: Record<string, number> = {};
  for (const p of def.params) if (p.kind === 'number') values[p.name] = readNumber(params, p);
  return { ...values, ...def.expression?.constants };
}
