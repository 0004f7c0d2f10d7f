import type { ScheduleDef } from '../schedule.ts';
import { etaMinParam } from './commonParams.ts';

/**
 * torch.optim.lr_scheduler.CosineAnnealingWarmRestarts (SGDR), closed form per step as torch
 * computes it:
 *   η_t = η_min + (η − η_min)(1 + cos(π T_cur / T_i))/2,  T_cur += 1 each step; at T_cur ≥ T_i:
 *   T_cur −= T_i, T_i ← T_i · T_mult  (T_i starts at T_0).
 */
export const cosineAnnealingWarmRestarts: ScheduleDef = {
  id: 'CosineAnnealingWarmRestarts',
  label: 'Cosine with warm restarts',
  reference: 'torch.optim.lr_scheduler.CosineAnnealingWarmRestarts',
  rule: 'η_t = η_min + ½(η − η_min)(1 + cos(π T_cur / T_i)); restart (T_cur = 0, T_i ·= T_mult) when T_cur reaches T_i',
  summary:
    'Anneal along a cosine, then snap back to the full learning rate: each restart is a deliberate kick that can throw the optimizer out of a local minimum it had settled into.',
  params: [
    {
      kind: 'number',
      name: 'T_0',
      label: 'T_0',
      help: 'Steps in the first cycle, until the first restart.',
      default: 50,
      min: 1,
      max: 1e6,
      sliderMin: 1,
      sliderMax: 500,
      integer: true,
    },
    {
      kind: 'number',
      name: 'T_mult',
      label: 'T_mult',
      help: 'Each cycle is T_mult times longer than the one before (1 = equal cycles, 2 = doubling), giving later cycles more time to converge.',
      default: 1,
      min: 1,
      max: 100,
      sliderMin: 1,
      sliderMax: 4,
      integer: true,
    },
    etaMinParam('The floor each cycle anneals to before the restart.'),
  ],
  check(params) {
    const T0 = params.T_0 as number;
    const Tmult = params.T_mult as number;
    if (!Number.isInteger(T0) || T0 <= 0)
      return `T_0: expected a positive integer, but got ${T0} (torch raises ValueError)`;
    if (!Number.isInteger(Tmult) || Tmult < 1)
      return `T_mult: expected an integer ≥ 1, but got ${Tmult} (torch raises ValueError)`;
    return null;
  },
  compute(params, { baseLr, steps }) {
    const etaMin = params.eta_min as number;
    const Tmult = params.T_mult as number;
    let Ti = params.T_0 as number;
    let Tcur = 0;
    const lrs = new Float64Array(steps);
    for (let t = 0; t < steps; t++) {
      if (t > 0) {
        Tcur = Tcur + 1;
        if (Tcur >= Ti) {
          Tcur = Tcur - Ti;
          Ti = Ti * Tmult;
        }
      }
      lrs[t] = etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * Tcur) / Ti))) / 2;
    }
    return { lrs };
  },
};
