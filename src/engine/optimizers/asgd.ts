import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { L2_HELP, lrParam, weightDecayParam } from './commonParams.ts';
import { stateLike } from './paramState.ts';
import { withL2 } from './torchOps.ts';

/**
 * torch.optim.ASGD (single-tensor path; torch 1.13 and 2.x agree), averaged SGD (Polyak &
 * Juditsky 1992) with Bottou's step-size decay:
 *   g ← g + λw;  w ← w·(1 − λ_d·η_t);  w ← w − η_t·g;  a ← w (μ_t = 1) or a + μ_t(w − a)
 *   η_{t+1} = lr / (1 + λ_d·lr·t)^α;  μ_{t+1} = 1 / max(1, t − t0)
 * The averaged iterate a (torch's `ax`) is a side path: it starts averaging once t > t0.
 */
export const asgd: OptimizerDef = {
  id: 'asgd',
  label: 'ASGD',
  reference: 'torch.optim.ASGD',
  rule: 'w ← w(1 − λη) − η·g;  a ← a + μ(w − a);  η = lr/(1 + λ·lr·t)^α,  μ = 1/max(1, t − t0)',
  summary:
    'SGD with a slowly decaying step that also keeps a running average of its iterates (dashed path) from step t0 on: the noisy iterate wanders, the average settles near the minimum.',
  params: [
    lrParam(1e-2),
    numberParam(
      'lambd',
      'lambd',
      'Decay term: the step size shrinks as 1/(1 + λ·lr·t)^α, and each step also shrinks the weights by the factor 1 − λ·η.',
      1e-4,
      0,
      1e3,
      { sliderMin: 0, sliderMax: 1 },
    ),
    numberParam(
      'alpha',
      'alpha',
      'Power of the step-size decay η = lr/(1 + λ·lr·t)^α.',
      0.75,
      0,
      10,
      { sliderMin: 0, sliderMax: 2 },
    ),
    numberParam(
      't0',
      't0',
      'The step at which averaging starts: before it the average is just the current iterate, after it a true running mean. torch’s default of 10⁶ means never in a short run.',
      1e6,
      0,
      1e9,
      { sliderMin: 0, sliderMax: 1000, integer: false },
    ),
    weightDecayParam(L2_HELP),
  ],
  cycledMomentum: null,
  create(groups) {
    const ax = stateLike(groups);
    // η and μ per param, as torch keeps them (they only differ across groups).
    const count = ax.length;
    const eta = new Float64Array(count);
    const mu = new Float64Array(count).fill(1);
    {
      let j = 0;
      for (const group of groups)
        for (let pi = 0; pi < group.params.length; pi++) eta[j++] = group.lr;
    }
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const {
            lr,
            lambd,
            alpha,
            t0,
            weight_decay: wd,
          } = group as unknown as Record<string, number>;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const a = ax[j];
            const e = eta[j];
            const shrink = 1 - lambd * e;
            for (let i = 0; i < w.length; i++) {
              const g = withL2(grad[i], w[i], wd);
              w[i] = w[i] * shrink;
              w[i] = -e * g + w[i];
              a[i] = mu[j] !== 1 ? a[i] + (w[i] - a[i]) * mu[j] : w[i];
            }
            eta[j] = lr / Math.pow(1 + lambd * lr * step, alpha);
            mu[j] = 1 / Math.max(1, step - t0);
          }
        }
      },
      sidePaths: [{ id: 'ax', label: 'ASGD average', read: (i) => ax[i] }],
    };
  },
};
