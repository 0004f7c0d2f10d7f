import type { Objective2D } from '../engine/objective2d.ts';
import type { ParamSpec, ParamValues } from '../engine/params.ts';

export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface CriticalPoint {
  x: number;
  y: number;
  /** f at the point (for published test functions: the published value). */
  f: number;
  kind: 'global-min' | 'local-min' | 'saddle';
  /**
   * For a published point, whose table rounds: the stationary point itself to double precision
   * (Newton from the printed position) and f there. Use it where rounding matters, e.g. a plot
   * of f − f_min (VLSE prints Styblinski–Tang's minimum 3.5e-4 above the true value, so an
   * optimizer can end "below" the published minimum).
   */
  exact?: { x: number; y: number; f: number };
}

/** How the surface is best looked at; never changes f (a display transform only). */
export interface SurfaceView {
  /** Show height as log(1 + f − f_min): for surfaces with huge ranges (Rosenbrock, Goldstein–Price). */
  logHeight?: boolean;
  /**
   * The densest grid worth sampling: a data surface evaluates its whole dataset per vertex, so
   * its view is sampled coarser to keep a redraw within a frame or two.
   */
  maxResolution?: number;
  /**
   * The 3D view's default viewing angle, in degrees, when the landscape's feature reads best
   * from somewhere other than the lab's default: azimuth about the vertical from the −y side
   * towards +x, elevation above the ground plane.
   */
  camera?: { azimuth: number; elevation: number };
}

/** What a surface needs beyond its parameters to build its objective. */
export interface SurfaceContext {
  /** The scenario's seed: data-driven surfaces draw their mini-batches from it. */
  seed: number;
}

/**
 * An analytic surface's one definition: f as an expression in x, y, the surface's parameter names
 * and the named constants here. The expression compiler turns it into f, ∇f, the Hessian and the
 * grid loop; "Copy as PyTorch" translates the same tree.
 */
export interface SurfaceExpression {
  source: string;
  constants: Readonly<Record<string, number>>;
}

/**
 * One entry in the surface catalog. The id is stable: it is what scenarios and links store.
 * Everything that depends on the parameters is a function of them.
 */
export interface SurfaceDef {
  id: string;
  name: string;
  /** One line: what this landscape teaches. */
  lesson: string;
  /** The formula for display (LaTeX). */
  formula: string;
  /** f as one expression (analytic surfaces); absent where f needs code (the data surface). */
  expression?: SurfaceExpression;
  /** Grouping in the picker. */
  category: 'terrain' | 'classic' | 'data' | 'custom';
  params: readonly ParamSpec[];
  create(params: ParamValues, ctx: SurfaceContext): Objective2D;
  domain(params: ParamValues): Domain;
  start(params: ParamValues): readonly [number, number];
  /** Known minima and saddle points, with their values. */
  criticalPoints(params: ParamValues): readonly CriticalPoint[];
  view: SurfaceView;
}
