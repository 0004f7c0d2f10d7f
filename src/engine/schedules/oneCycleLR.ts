import { learningRateParam } from '../learningRate.ts';
import type { ParamValues } from '../params.ts';
import type { ScheduleDef, ScheduleInputs } from '../schedule.ts';
import { orSteps, runLengthParam } from './commonParams.ts';
import { annealCos, annealLinear, locate, phasesOf } from './oneCyclePhases.ts';

function check(p: ParamValues, inputs: ScheduleInputs): string | null {
  const { steps } = inputs;
  const total = orSteps(p.total_steps, steps);
  if (!Number.isInteger(total) || total <= 0)
    return `total_steps: expected a positive integer, but got ${total} (torch raises ValueError)`;
  if (total < steps)
    return `total_steps: ${total} is shorter than the run (${steps} steps); torch raises ValueError when the scheduler steps past total_steps, so make it at least ${steps} or leave it empty for the run's length`;
  const pct = p.pct_start as number;
  if (!(pct >= 0 && pct <= 1))
    return `pct_start: expected a float between 0 and 1, but got ${pct} (torch raises ValueError)`;
  if (p.cycle_momentum && inputs.baseMomentum === null)
    return 'cycle_momentum: optimizer must support momentum with `cycle_momentum` option enabled (this optimizer has neither momentum nor betas; torch raises ValueError), so turn cycle_momentum off';
  // torch computes the lr for every scheduler.step(), including the one after the last
  // optimizer step, and a zero-length phase there is a ZeroDivisionError.
  const phases = phasesOf(p, total);
  for (let t = 0; t <= steps; t++) {
    const { phase, startStep, span } = locate(phases, t);
    if (span === 0)
      return `pct_start: with total_steps = ${total} the phase from step ${startStep} to ${phase.endStep} has zero length, so torch divides by zero (ZeroDivisionError) at step ${t}; change pct_start or total_steps`;
  }
  return null;
}

/**
 * torch.optim.lr_scheduler.OneCycleLR (closed form, as torch computes it). With
 * η₀ = max_lr/div_factor and η_min = η₀/final_div_factor, the lr anneals η₀ → max_lr over the
 * first pct_start·total_steps steps, then max_lr → η_min (three_phase: max_lr → η₀ → η_min);
 * momentum runs the other way between max_momentum and base_momentum.
 * The optimizer's own lr is ignored. torch's epochs/steps_per_epoch alternative to total_steps is
 * left out: here a run is a number of steps, so total_steps (or the run's length) says it all.
 */
export const oneCycleLR: ScheduleDef = {
  id: 'OneCycleLR',
  label: 'One-cycle',
  reference: 'torch.optim.lr_scheduler.OneCycleLR',
  rule: 'η: max_lr/div_factor ↗ max_lr (first pct_start of the steps) ↘ max_lr/(div_factor·final_div_factor); momentum cycles inversely',
  summary:
    "Leslie Smith's one cycle: ramp up to a large peak learning rate, then anneal far below the start. The high-lr middle keeps the optimizer from settling into a sharp minimum and favours wide, flat valleys: super-convergence in few steps. Momentum is cycled the other way so it does not amplify the big steps.",
  params: [
    learningRateParam(
      'max_lr',
      'max lr',
      'The peak learning rate, reached after pct_start of the cycle. It replaces the optimizer’s own lr: the cycle starts at max_lr/div_factor.',
      0.01,
    ),
    runLengthParam(
      'total_steps',
      'total steps',
      'Length of the cycle in steps; it must cover the whole run (torch raises when stepped past it).',
    ),
    {
      kind: 'number',
      name: 'pct_start',
      label: 'pct start',
      help: 'Fraction of the cycle spent raising the learning rate to its peak.',
      default: 0.3,
      min: 0,
      max: 1,
    },
    {
      kind: 'choice',
      name: 'anneal_strategy',
      label: 'anneal strategy',
      help: 'Shape of each ramp: a half cosine (smooth at both ends) or a straight line.',
      default: 'cos',
      choices: ['cos', 'linear'],
    },
    {
      kind: 'boolean',
      name: 'cycle_momentum',
      label: 'cycle momentum',
      help: 'Cycle momentum (or Adam’s β1) inversely to the learning rate: low momentum while the steps are big, high while they are small.',
      default: true,
    },
    {
      kind: 'number',
      name: 'base_momentum',
      label: 'base momentum',
      help: 'The momentum at the learning-rate peak (the low end of the momentum cycle).',
      default: 0.85,
      min: 0,
      max: 1,
    },
    {
      kind: 'number',
      name: 'max_momentum',
      label: 'max momentum',
      help: 'The momentum at the start and end of the cycle, where the learning rate is low. It overrides the optimizer’s own momentum / β1.',
      default: 0.95,
      min: 0,
      max: 1,
    },
    {
      kind: 'number',
      name: 'div_factor',
      label: 'div factor',
      help: 'The cycle starts at max_lr / div_factor.',
      default: 25,
      // torch divides by it (0 raises ZeroDivisionError).
      min: 0,
      max: 1e6,
      exclusiveMin: true,
      sliderMin: 1,
      sliderMax: 1000,
      log: true,
    },
    {
      kind: 'number',
      name: 'final_div_factor',
      label: 'final div factor',
      help: 'The cycle ends at max_lr / (div_factor · final_div_factor): far below where it started, to settle into the valley.',
      default: 1e4,
      min: 0,
      max: 1e12,
      exclusiveMin: true,
      sliderMin: 1,
      sliderMax: 1e6,
      log: true,
    },
    {
      kind: 'boolean',
      name: 'three_phase',
      label: 'three phase',
      help: 'The original paper’s shape: up, back down to the start symmetrically, then a final annihilation phase. Off = fastai’s two phases.',
      default: false,
    },
  ],
  check,
  compute(params, { baseMomentum, steps }) {
    const phases = phasesOf(params, orSteps(params.total_steps, steps));
    const anneal = params.anneal_strategy === 'linear' ? annealLinear : annealCos;
    // torch writes momentum only when it can; check() reports the missing-momentum case.
    const cycle = params.cycle_momentum === true && baseMomentum !== null;
    const lrs = new Float64Array(steps);
    const momenta = cycle ? new Float64Array(steps) : undefined;
    for (let t = 0; t < steps; t++) {
      const { phase, startStep, span } = locate(phases, t);
      const pct = (t - startStep) / span;
      lrs[t] = anneal(phase.lr[0], phase.lr[1], pct);
      if (momenta) momenta[t] = anneal(phase.momentum[0], phase.momentum[1], pct);
    }
    return momenta ? { lrs, momenta } : { lrs };
  },
};
