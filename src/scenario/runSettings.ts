import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ParamSpec, ParamValue, ParamValues } from '../engine/params.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { specsOf } from '../engine/validateParams.ts';
import type { ScenarioRun } from './scenario.ts';

/** A value as Python would read it in the constructor call. */
function pyValue(v: ParamValue, steps: number): string {
  // A run-length parameter left empty means the run's length (what "Copy as PyTorch" writes too).
  if (v === null) return String(steps);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return String(v);
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

const differs = (a: ParamValue | undefined, b: ParamValue) =>
  a !== undefined && JSON.stringify(a) !== JSON.stringify(b);

/** lr always, then every parameter that differs from torch's default, as keyword arguments. */
function keywords(
  specs: readonly ParamSpec[],
  params: ParamValues,
  always: string[],
  steps: number,
): string {
  return specs
    .filter((s) => always.includes(s.name) || differs(params[s.name], s.default))
    .map((s) => `${s.name}=${pyValue(params[s.name] ?? s.default, steps)}`)
    .join(', ');
}

/**
 * A run's settings exactly, in torch's words, for the exported figure's legend:
 * "Adam(lr=0.05, weight_decay=0.1) · CosineAnnealingLR(T_max=200)". Only lr (and a schedule's
 * first parameter) and what differs from torch's defaults are listed, so the line says what
 * was chosen. (SAM's base is a
 * parameter here, as in the scenario; "Copy as PyTorch" writes the full training code.)
 */
export function runSettingsText(run: ScenarioRun, steps: number): string {
  const def = OPTIMIZERS[run.optimizer];
  if (!def) return run.optimizer;
  const name = def.reference.startsWith('torch.optim.')
    ? def.reference.slice('torch.optim.'.length)
    : def.label;
  let text = `${name}(${keywords(specsOf(def, run.params), run.params, ['lr'], steps)})`;
  if (run.schedule) {
    const sched = SCHEDULES[run.schedule.name];
    // Its first parameter is the one torch requires (step_size, T_max, max_lr, …): always shown.
    const first = sched?.params[0]?.name;
    text += ` · ${run.schedule.name}(${sched ? keywords(sched.params, run.schedule.params, first ? [first] : [], steps) : ''})`;
  }
  if (run.swa) text += ` · SWA from step ${run.swa.start}`;
  return text;
}
