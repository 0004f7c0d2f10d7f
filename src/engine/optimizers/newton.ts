import type { OptimizerDef } from '../optimizer.ts';
import { StepError } from '../optimizer.ts';
import { formatNumber, formatPoint } from '../formatNumber.ts';

const at = (p: Float64Array) => formatPoint(p[0], p[1]);

/**
 * Damped Newton's method with the exact Hessian, a second-order reference line (no torch.optim
 * equivalent):  w ← w − η·(H + λI)⁻¹∇f
 */
export const newton: OptimizerDef = {
  id: 'newton',
  label: 'Newton',
  reference: 'Damped Newton (exact Hessian)',
  rule: 'w ← w − η·(H + λI)⁻¹ g',
  summary:
    'Jumps to the minimum of the local quadratic model, solving an ill-conditioned ravine in one step, but it is drawn to saddle points and maxima just as readily, which is why plain Newton is not used to train networks.',
  params: [
    {
      kind: 'number',
      name: 'lr',
      label: 'step size',
      help: 'Fraction of the full Newton step to take: 1 jumps straight to the stationary point of the local quadratic model.',
      default: 1,
      min: 0,
      max: 1e3,
      exclusiveMin: true,
      sliderMin: 1e-3,
      sliderMax: 2,
      log: true,
    },
    {
      kind: 'number',
      name: 'damping',
      label: 'damping',
      help: 'λ added to the Hessian’s diagonal (Levenberg–Marquardt): large values turn Newton into gradient descent with step 1/λ and keep it away from saddles where H is indefinite.',
      default: 0,
      min: 0,
      max: 1e6,
      sliderMin: 0,
      sliderMax: 10,
    },
  ],
  cycledMomentum: null,
  run(loop, group) {
    const { p, g } = loop;
    const h = new Float64Array(3);
    while (loop.next(null)) {
      const lr = group.lr;
      const damping = group.damping as number;
      loop.hessian(h);
      const a = h[0] + damping;
      const b = h[1];
      const c = h[2] + damping;
      const det = a * c - b * b;
      // Cramer's rule for [a b; b c]·d = g. A determinant lost in rounding noise is singular.
      const scale = Math.abs(a * c) + b * b;
      const dx = (c * g[0] - b * g[1]) / det;
      const dy = (a * g[1] - b * g[0]) / det;
      if (!Number.isFinite(det))
        throw new StepError(`Newton: the Hessian is not finite at ${at(p)}`);
      if (!(Math.abs(det) > 1e-14 * scale))
        throw new StepError(
          `Newton: H + λI is singular at ${at(p)} (det ${formatNumber(det)}); add damping`,
        );
      if (!Number.isFinite(dx) || !Number.isFinite(dy))
        throw new StepError(`Newton: the step (H + λI)⁻¹g is not finite at ${at(p)}`);
      p[0] = p[0] - lr * dx;
      p[1] = p[1] - lr * dy;
    }
  },
};
