import type { ScheduleDef } from '../schedule.ts';
import { etaMinParam, orSteps, runLengthParam } from './commonParams.ts';

/**
 * torch.optim.lr_scheduler.CosineAnnealingLR, in torch's recursive get_lr (branches included, so
 * floats agree with torch step for step):
 *   η_0 = η
 *   η_t = η_{t−1} + (η − η_min)(1 − cos(π/T))/2                         if (t − 1 − T) mod 2T = 0
 *   η_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (η_{t−1} − η_min) + η_min   otherwise
 * Both agree with η_min + ½(η − η_min)(1 + cos(πt/T)); past T it climbs back up, as torch's does.
 */
export const cosineAnnealingLR: ScheduleDef = {
  id: 'CosineAnnealingLR',
  label: 'Cosine annealing',
  reference: 'torch.optim.lr_scheduler.CosineAnnealingLR',
  rule: 'η_t = η_min + ½(η − η_min)(1 + cos(π t / T_max))',
  summary:
    'A smooth half-cosine from the full learning rate down to η_min: long enough at moderate rates to keep moving, then a gentle tail that lets the optimizer settle into the basin instead of rattling around it.',
  params: [
    runLengthParam(
      'T_max',
      'T_max',
      'Steps for the half cosine to reach η_min. After T_max torch keeps following the cosine, so the learning rate rises again.',
    ),
    etaMinParam('The floor the learning rate anneals to.'),
  ],
  compute(params, { baseLr, steps }) {
    const T = orSteps(params.T_max, steps);
    const etaMin = params.eta_min as number;
    const lrs = new Float64Array(steps);
    let lr = baseLr;
    for (let t = 0; t < steps; t++) {
      if (t === 0) lr = baseLr;
      else if ((t - 1 - T) % (2 * T) === 0)
        lr = lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / T))) / 2;
      else
        lr =
          ((1 + Math.cos((Math.PI * t) / T)) / (1 + Math.cos((Math.PI * (t - 1)) / T))) *
            (lr - etaMin) +
          etaMin;
      lrs[t] = lr;
    }
    return { lrs };
  },
};
