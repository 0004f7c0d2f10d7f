import type { ScheduleDef } from '../schedule.ts';
import { orSteps, runLengthParam } from './commonParams.ts';

/**
 * Linear warmup, then cosine decay (ours; torch.optim.lr_scheduler.LambdaLR with this factor):
 *   η_t = η·t/w for t < w;  η_min + ½(η − η_min)(1 + cos(π(t − w)/(T − w))) for w ≤ t < T;  η_min after.
 * t is the 0-based step, so the very first step has lr 0, as in the course material's recipe.
 */
export const warmupCosine: ScheduleDef = {
  id: 'WarmupCosine',
  label: 'Warmup + cosine',
  reference: 'torch.optim.lr_scheduler.LambdaLR (warmup + cosine)',
  rule: 'η_t = η·t/w (t < w);  η_min + ½(η − η_min)(1 + cos(π(t − w)/(T − w))) (w ≤ t < T);  η_min (t ≥ T)',
  summary:
    'The modern default: ramp up from zero so the first, unreliable steps cannot blow the run up (and Adam’s moment estimates have time to settle), then a cosine decay that lets the optimizer settle into the basin.',
  params: [
    {
      kind: 'number',
      name: 'warmup_steps',
      label: 'warmup steps',
      help: 'Steps of linear ramp from 0 to the full learning rate. Too few and a large lr can overshoot and diverge at the start; too many wastes steps at a timid lr (5–10% of the run is typical).',
      default: 20,
      min: 0,
      max: 1e6,
      sliderMin: 0,
      sliderMax: 200,
      integer: true,
    },
    runLengthParam(
      'total_steps',
      'total steps',
      'Step at which the cosine reaches min_lr; it stays there afterwards.',
    ),
    {
      kind: 'number',
      name: 'min_lr',
      label: 'min lr',
      help: 'The floor the cosine decays to.',
      default: 0,
      min: 0,
      max: 1e6,
      sliderMin: 0,
      sliderMax: 1,
    },
  ],
  check(params, { steps }) {
    const w = params.warmup_steps as number;
    const T = orSteps(params.total_steps, steps);
    if (w > T)
      return `warmup_steps: ${w} is longer than total_steps (${T}${params.total_steps === null ? ", the run's length" : ''}); the cosine phase would have negative length`;
    return null;
  },
  compute(params, { baseLr, steps }) {
    const w = params.warmup_steps as number;
    const T = orSteps(params.total_steps, steps);
    const minLr = params.min_lr as number;
    const lrs = new Float64Array(steps);
    for (let t = 0; t < steps; t++) {
      if (t >= T) lrs[t] = minLr;
      else if (t < w) lrs[t] = (baseLr * t) / w;
      else lrs[t] = minLr + 0.5 * (baseLr - minLr) * (1 + Math.cos((Math.PI * (t - w)) / (T - w)));
    }
    return { lrs };
  },
};
