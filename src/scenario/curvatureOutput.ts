import { analyzeCurvature, type Curvature } from '../engine/curvature.ts';
import type { Objective2D } from '../engine/objective2d.ts';

/** The curvature analysis in simulate's JSON (snake_case like the rest of the output). */
export interface CurvatureOutput {
  point: [number, number];
  hessian: [number, number, number];
  eigenvalues: [number, number];
  eigenvectors: [[number, number], [number, number]];
  /** null where JSON cannot say Infinity (a flat direction). */
  condition_number: number | null;
  sharpness: number;
  stability_limit: number | null;
  classification: Curvature['classification'];
}

function curvatureAt(objective: Objective2D, point: [number, number]): CurvatureOutput {
  const c = analyzeCurvature(objective, point[0], point[1]);
  return {
    point,
    hessian: c.hessian,
    eigenvalues: c.eigenvalues,
    eigenvectors: c.eigenvectors,
    condition_number: Number.isFinite(c.conditionNumber) ? c.conditionNumber : null,
    sharpness: c.sharpness,
    stability_limit: c.stabilityLimit,
    classification: c.classification,
  };
}

/** Where the run started and where it ended: why it zigzagged, and what it settled in. */
export function curvatureAtEnds(
  objective: Objective2D,
  trajectory: readonly [number, number][],
): { start: CurvatureOutput; end: CurvatureOutput } | null {
  if (trajectory.length === 0) return null;
  return {
    start: curvatureAt(objective, trajectory[0]),
    end: curvatureAt(objective, trajectory[trajectory.length - 1]),
  };
}
