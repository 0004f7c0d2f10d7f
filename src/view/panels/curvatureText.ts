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
