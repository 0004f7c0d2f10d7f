import { fmtNum } from '../../engine/formatNumber.ts';

/**
 * Gradient descent on the local quadratic model multiplies the error along an eigenvector with
 * curvature λ by (1 − ηλ) each step: it shrinks monotonically for ηλ < 1, shrinks while flipping
 * sign for 1 < ηλ < 2, and grows for ηλ > 2. So η < 2/λmax is the stability limit along the
 * sharpest direction e1. With heavy-ball momentum μ (torch's SGD) the limit widens to
 * 2(1 + μ)/λmax; with Nesterov momentum it is 2(1 + μ)/((1 + 2μ)·λmax).
 */
export type VerdictKind = 'stable' | 'zigzag' | 'edge' | 'unstable' | 'no-limit';

export interface Verdict {
  kind: VerdictKind;
  /** The step-size limit along e1, or null when there is none (λmax ≤ 0). */
  limit: number | null;
  text: string;
}

export interface StabilityInput {
  lr: number;
  lambdaMax: number;
  /** torch SGD's momentum (0 for none). */
  momentum?: number;
  nesterov?: boolean;
}

const EDGE_TOL = 1e-9;

export function stabilityVerdict({
  lr,
  lambdaMax,
  momentum = 0,
  nesterov = false,
}: StabilityInput): Verdict {
  if (!(lambdaMax > 0))
    return {
      kind: 'no-limit',
      limit: null,
      text: `λmax = ${fmtNum(lambdaMax)} ≤ 0: the surface does not curve up in any direction here, so no step size is too large for stability — gradient descent simply moves away from this point.`,
    };
  const factor = momentum > 0 ? (nesterov ? (1 + momentum) / (1 + 2 * momentum) : 1 + momentum) : 1;
  const limit = (2 * factor) / lambdaMax;
  const limitName = momentum > 0 ? (nesterov ? '2(1+μ)/((1+2μ)λmax)' : '2(1+μ)/λmax') : '2/λmax';
  const ratio = lr / limit;
  const lrText = `lr ${fmtNum(lr)}`;
  const limText = `${limitName} = ${fmtNum(limit)}`;
  if (Math.abs(ratio - 1) <= EDGE_TOL)
    return {
      kind: 'edge',
      limit,
      text: `${lrText} = ${limText}: on the edge of stability — it oscillates along e1 without shrinking.`,
    };
  if (ratio > 1)
    return {
      kind: 'unstable',
      limit,
      text: `${lrText} > ${limText}: above the limit — gradient descent will oscillate and diverge along e1.`,
    };
  // Without momentum, 1/λmax < η < 2/λmax overshoots the valley floor each step.
  if (momentum === 0 && ratio > 0.5)
    return {
      kind: 'zigzag',
      limit,
      text: `${lrText} < ${limText}: stable along the sharpest direction, but above 1/λmax = ${fmtNum(1 / lambdaMax)}, so it zigzags across e1 while converging.`,
    };
  return {
    kind: 'stable',
    limit,
    text: `${lrText} < ${limText}: stable along the sharpest direction.`,
  };
}
