import type { OptimizerDef } from '../optimizer.ts';
import { lrParam } from './commonParams.ts';
import { stateLike } from './paramState.ts';

/**
 * torch.optim.Rprop (single-tensor path; torch 1.13 and 2.x agree), resilient backpropagation
 * (Riedmiller & Braun 1993, the variant without weight backtracking):
 *   s = sign(g·g_prev) → η+ (> 0), η− (< 0) or 1 (= 0);  Δ ← clamp(Δ·s, Δmin, Δmax)
 *   g ← 0 where s = η− (a sign flip skips this step);  w ← w − sign(g)·Δ;  g_prev ← g
 * Δ starts at lr for every weight at the first step; after that lr is not read, so a schedule
 * changes nothing past the first step (as in torch).
 */
export const rprop: OptimizerDef = {
  id: 'rprop',
  label: 'Rprop',
  reference: 'torch.optim.Rprop',
  rule: 'Δ ← clamp(Δ·(η+ if g·g_prev > 0, η− if < 0, else 1));  w ← w − sign(g)·Δ',
  summary:
    'Uses only the sign of each gradient: every weight keeps its own step size, which grows while the sign holds and shrinks when it flips, so the gradient’s size never matters. It is made for full-batch gradients: mini-batch noise flips signs at random and keeps it braking.',
  params: [
    lrParam(1e-2),
    {
      kind: 'tuple',
      name: 'etas',
      label: 'etas',
      help: 'Step-size factors (η−, η+): a weight whose gradient flips sign has its step multiplied by η− < 1, one whose sign holds by η+ > 1.',
      default: [0.5, 1.2],
      min: 0,
      max: 10,
      exclusiveMin: true,
      itemLabels: ['η−', 'η+'],
      sliderMin: 0.01,
      sliderMax: 3,
    },
    {
      kind: 'tuple',
      name: 'step_sizes',
      label: 'step sizes',
      help: 'The smallest and largest step size (Δmin, Δmax) any weight may take.',
      default: [1e-6, 50],
      min: 0,
      max: 1e6,
      itemLabels: ['min', 'max'],
      sliderMin: 0,
      sliderMax: 50,
    },
  ],
  cycledMomentum: null,
  check(p) {
    const [minus, plus] = p.etas as readonly number[];
    if (!(minus < 1 && 1 < plus))
      return `etas: need 0 < η− < 1 < η+ (got ${minus}, ${plus}; torch raises ValueError)`;
    return null;
  },
  create(groups) {
    const prev = stateLike(groups);
    const stepSize = stateLike(groups);
    let started = false;
    return {
      step() {
        let j = 0;
        for (const group of groups) {
          const [etaminus, etaplus] = group.etas as readonly number[];
          const [lo, hi] = group.step_sizes as readonly number[];
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const gp = prev[j];
            const s = stepSize[j];
            if (!started) s.fill(group.lr);
            for (let i = 0; i < w.length; i++) {
              const prod = grad[i] * gp[i];
              // torch assigns by comparisons on sign(prod): NaN matches none and stays NaN.
              const factor = prod > 0 ? etaplus : prod < 0 ? etaminus : prod === 0 ? 1 : NaN;
              s[i] = Math.min(Math.max(s[i] * factor, lo), hi);
              const g = factor === etaminus ? 0 : grad[i];
              w[i] = w[i] - Math.sign(g) * s[i];
              gp[i] = g;
            }
          }
        }
        started = true;
      },
    };
  },
};
