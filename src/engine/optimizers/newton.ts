import type { OptimizerDef } from '../optimizer.ts';
import { StepError } from '../optimizer.ts';
import { formatPoint } from '../formatNumber.ts';
import { solveInPlace } from '../linearSolve.ts';

/** n Hessian-vector products a step and an n×n solve: past a few hundred weights, minutes. */
const NEWTON_MAX_WEIGHTS = 400;

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
  create(groups, curvature) {
    if (!curvature) throw new Error('Newton needs the objective’s Hessian-vector product');
    const params = groups.flatMap((g) => g.params);
    const n = params.reduce((k, p) => k + p.data.length, 0);
    const tooMany = n > NEWTON_MAX_WEIGHTS;
    const h = new Float64Array(tooMany ? 0 : n * n);
    const e = new Float64Array(n);
    const col = new Float64Array(n);
    const d = new Float64Array(n);
    const at = () =>
      n === 2 ? formatPoint(params[0].data[0], params[0].data[1]) : 'the current weights';
    return {
      step() {
        if (tooMany)
          throw new StepError(
            `Newton forms the full Hessian, so it takes at most ${NEWTON_MAX_WEIGHTS} weights (this problem has ${n})`,
          );
        const group = groups[0];
        const lr = group.lr;
        const damping = group.damping as number;
        // H column by column from Hessian-vector products with the unit vectors.
        for (let j = 0; j < n; j++) {
          e.fill(0);
          e[j] = 1;
          curvature.hvp(e, col);
          for (let i = 0; i < n; i++) h[i * n + j] = col[i] + (i === j ? damping : 0);
        }
        for (let i = 0; i < n * n; i++)
          if (!Number.isFinite(h[i]))
            throw new StepError(`Newton: the Hessian is not finite at ${at()}`);
        for (let i = 0, k = 0; i < params.length; i++)
          for (let j = 0; j < params[i].grad.length; j++) d[k++] = params[i].grad[j];
        if (!solveInPlace(h, d, n))
          throw new StepError(`Newton: H + λI is singular at ${at()}; add damping`);
        for (let i = 0; i < n; i++)
          if (!Number.isFinite(d[i]))
            throw new StepError(`Newton: the step (H + λI)⁻¹g is not finite at ${at()}`);
        for (let i = 0, k = 0; i < params.length; i++) {
          const w = params[i].data;
          for (let j = 0; j < w.length; j++) w[j] = w[j] - lr * d[k++];
        }
      },
    };
  },
};
