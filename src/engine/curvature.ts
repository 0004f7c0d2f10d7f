import type { Objective2D } from './objective2d.ts';

export type CurvatureKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

/** The local quadratic picture at a point: what the Hessian says about the terrain there. */
export interface Curvature {
  /** [f_xx, f_xy, f_yy]. */
  hessian: [number, number, number];
  /** λ1 ≥ λ2. */
  eigenvalues: [number, number];
  /** Unit eigenvectors for λ1 and λ2 (orthogonal; v1 = (cos φ, sin φ) with φ in (−π/2, π/2]). */
  eigenvectors: [[number, number], [number, number]];
  /** max|λ| / min|λ|: how elongated the bowl (or saddle) is. Infinity when min|λ| = 0. */
  conditionNumber: number;
  /** λmax, the curvature of the steepest direction (the quantity SAM and edge-of-stability talk about). */
  sharpness: number;
  /**
   * 2/λmax: on this quadratic, gradient descent with lr above this diverges along v1 (null when
   * λmax ≤ 0, where no direction curves up).
   */
  stabilityLimit: number | null;
  /**
   * From the eigenvalues' signs; 'degenerate' when one is zero relative to the other
   * (|λ| ≤ 1e-10·max|λ|, or both zero: a flat direction, e.g. the monkey saddle's centre) or
   * the Hessian is not finite.
   */
  classification: CurvatureKind;
}

/** Relative size below which an eigenvalue counts as zero. */
const DEGENERATE_TOL = 1e-10;

/** Eigen-decomposition of the symmetric [[a, b], [b, c]] (closed form, no cancellation). */
export function symmetricEigen2(
  a: number,
  b: number,
  c: number,
): Pick<Curvature, 'eigenvalues' | 'eigenvectors'> {
  const mean = 0.5 * (a + c);
  const r = Math.hypot(0.5 * (a - c), b);
  // The eigenvalue of larger magnitude is mean ± r with no cancellation; the other follows
  // from det = λ1·λ2 (m − r would lose every digit when the two nearly cancel).
  const det = a * c - b * b;
  let l1: number;
  let l2: number;
  if (mean >= 0) {
    l1 = mean + r;
    l2 = l1 !== 0 ? det / l1 : 0;
  } else {
    l2 = mean - r;
    l1 = det / l2;
  }
  // Principal axis: the eigenvector of λ1 is at angle φ = ½·atan2(2b, a − c).
  const phi = 0.5 * Math.atan2(2 * b, a - c);
  const cs = Math.cos(phi);
  const sn = Math.sin(phi);
  return {
    eigenvalues: [l1, l2],
    eigenvectors: [
      [cs, sn],
      [-sn, cs],
    ],
  };
}

const scratch = new Float64Array(3);

/** Curvature of `objective` at (x, y) from its exact Hessian. */
export function analyzeCurvature(objective: Objective2D, x: number, y: number): Curvature {
  objective.hess(x, y, scratch);
  const a = scratch[0];
  const b = scratch[1];
  const c = scratch[2];
  const { eigenvalues, eigenvectors } = symmetricEigen2(a, b, c);
  const [l1, l2] = eigenvalues;
  const big = Math.max(Math.abs(l1), Math.abs(l2));
  const small = Math.min(Math.abs(l1), Math.abs(l2));
  const finite = Number.isFinite(l1) && Number.isFinite(l2);
  let classification: CurvatureKind;
  if (!finite || small <= DEGENERATE_TOL * big) classification = 'degenerate';
  else if (l2 > 0) classification = 'minimum';
  else if (l1 < 0) classification = 'maximum';
  else classification = 'saddle';
  return {
    hessian: [a, b, c],
    eigenvalues,
    eigenvectors,
    conditionNumber: small === 0 ? Infinity : big / small,
    sharpness: l1,
    stabilityLimit: l1 > 0 ? 2 / l1 : null,
    classification,
  };
}
