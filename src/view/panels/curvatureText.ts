import type { CurvatureKind } from '../../engine/curvature.ts';

/** What the classification means for an optimizer standing there. */
export const CLASSIFICATION_TEXT: Record<CurvatureKind, string> = {
  minimum: 'a bowl, curving up in every direction',
  maximum: 'a hilltop, curving down in every direction',
  saddle: 'up along e1 and down along e2, so gradient descent slows near it and escapes along e2',
  degenerate:
    'flat along one direction, where the quadratic picture is silent and higher-order terms decide (a plateau, or the monkey saddle’s centre)',
};

/**
 * Why 2/λmax is only a guide for some optimizers. The limit is exact for gradient descent (and
 * heavy-ball SGD with the momentum-adjusted bound) on the local quadratic.
 */
export function limitCaveat(optimizerId: string, optimizerLabel: string): string | null {
  if (optimizerId === 'sgd') return null;
  if (optimizerId === 'newton')
    return 'Newton divides its step by the curvature itself: with step size below 2 it is stable along every upward-curving direction, so this gradient-descent limit does not bind it.';
  if (optimizerId === 'sam')
    return 'SAM takes its base optimizer’s step with the gradient from a nearby point; the limit is the plain gradient-descent one, a guide for its base.';
  return `${optimizerLabel} rescales its steps from its gradient history, so the plain gradient-descent limit is a guide here, not a verdict.`;
}

/** What the Hessian's eigenvalue signs make it, in the words a linear-algebra course uses. */
export type Definiteness =
  | 'positive definite'
  | 'negative definite'
  | 'indefinite'
  | 'positive semidefinite'
  | 'negative semidefinite'
  | 'singular';

export interface HessianReading {
  /** The eigenpairs ordered by value, largest first: λ1 ≥ λ2 whatever order they came in. */
  eigen: { value: number; vector: readonly [number, number] }[];
  definiteness: Definiteness;
  /**
   * max|λ| / min|λ|, only for a definite Hessian: for an indefinite one (a saddle) it mixes a
   * curvature up with one down and measures no bowl's elongation; for a singular one it is ∞.
   */
  condition: number | null;
}

/** Relative size below which an eigenvalue counts as zero (as the engine's classification). */
const ZERO_TOL = 1e-10;

export function readHessian(
  eigenvalues: readonly [number, number],
  eigenvectors: readonly [readonly [number, number], readonly [number, number]],
): HessianReading {
  const eigen = [0, 1]
    .map((i) => ({ value: eigenvalues[i], vector: eigenvectors[i] }))
    .sort((a, b) => b.value - a.value);
  const [hi, lo] = [eigen[0].value, eigen[1].value];
  const big = Math.max(Math.abs(hi), Math.abs(lo));
  const zero = (v: number) => !(Math.abs(v) > ZERO_TOL * big);
  let definiteness: Definiteness;
  if (!(big > 0) || (zero(hi) && zero(lo))) definiteness = 'singular';
  else if (zero(lo)) definiteness = hi > 0 ? 'positive semidefinite' : 'singular';
  else if (zero(hi)) definiteness = 'negative semidefinite';
  else if (lo > 0) definiteness = 'positive definite';
  else if (hi < 0) definiteness = 'negative definite';
  else definiteness = 'indefinite';
  const definite = definiteness === 'positive definite' || definiteness === 'negative definite';
  return {
    eigen,
    definiteness,
    condition: definite ? big / Math.min(Math.abs(hi), Math.abs(lo)) : null,
  };
}
