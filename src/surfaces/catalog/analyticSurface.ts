import type { Objective2D } from '../../engine/objective2d.ts';
import type { NumberParam, ParamValues } from '../../engine/params.ts';
import { compileSurfaceExpression, type CompiledSurface } from '../expression/compileExpression.ts';
import type { CriticalPoint, Domain, SurfaceDef, SurfaceView } from '../surface.ts';
import { readNumber } from './paramSpecs.ts';

type Point = readonly [number, number];

/** A catalog entry written as one expression: everything but `create`, which follows from it. */
export interface AnalyticSpec {
  id: string;
  name: string;
  lesson: string;
  /** The formula for display (LaTeX). */
  formula: string;
  category: 'terrain' | 'classic';
  /** The sliders that reshape it; none for a fixed test function. */
  params?: readonly NumberParam[];
  /** f in x, y, the parameters' names and the constants' (mathjs syntax). */
  expression: string;
  /** Fixed named values the expression uses (a well's centre, a ring's radius). */
  constants?: Readonly<Record<string, number>>;
  /** The plotted region, the same for every parameter value. */
  domain: Domain;
  /** Where runs start, or how that follows from the parameters. */
  start: Point | ((params: ParamValues) => Point);
  /**
   * Its known minima and saddles: a fixed list, or a function of the parameters that may use the
   * surface itself (its objective, to refine published points or find parameter-dependent ones).
   */
  criticalPoints:
    | readonly CriticalPoint[]
    | ((surface: Objective2D, params: ParamValues) => readonly CriticalPoint[]);
  view?: SurfaceView;
}

/** The square [−half, half]². */
export const square = (half: number): Domain => ({
  xMin: -half,
  xMax: half,
  yMin: -half,
  yMax: half,
});

/**
 * A surface defined once, by its expression: the compiler (src/surfaces/expression) gives f, the
 * exact gradient and Hessian, and the grid loop; "Copy as PyTorch" translates the same tree. It is
 * compiled on the first create() (differentiating is the costly part, not worth paying for every
 * surface at start-up); each create() then only binds the parameter values.
 */
export function analyticSurface(spec: AnalyticSpec): SurfaceDef {
  const { expression, constants = {}, params = [], domain, start, criticalPoints } = spec;
  const names = [...params.map((p) => p.name), ...Object.keys(constants)];
  let compiled: CompiledSurface | undefined;
  const def: SurfaceDef = {
    id: spec.id,
    name: spec.name,
    lesson: spec.lesson,
    formula: spec.formula,
    expression: { source: expression, constants },
    category: spec.category,
    params,
    create(values) {
      compiled ??= compileSurfaceExpression(expression, names);
      const bound = expressionValues(def, values);
      return compiled.bind(names.map((name) => bound[name]));
    },
    // Fresh copies, as callers may keep or change what they are given.
    domain: () => ({ ...domain }),
    start: typeof start === 'function' ? start : () => [start[0], start[1]],
    criticalPoints:
      typeof criticalPoints === 'function'
        ? (values) => criticalPoints(def.create(values, { seed: 0 }), values)
        : () => criticalPoints.map((p) => ({ ...p })),
    view: spec.view ?? {},
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
