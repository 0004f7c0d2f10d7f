import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { cycledMomentumOf } from '../engine/cycledMomentum.ts';
import type { ScenarioRun } from './scenario.ts';

/**
 * The cross-parameter checks torch makes when an optimizer or scheduler is constructed
 * (e.g. nesterov without momentum). Returns the message, or null when the run can start.
 * Single values are kept in range by the controls and by parseScenario.
 */
export function runProblem(run: ScenarioRun, steps: number): string | null {
  const def = OPTIMIZERS[run.optimizer];
  if (!def) return `unknown optimizer "${run.optimizer}"`;
  const p = def.check?.(run.params);
  if (p) return p;
  if (!run.schedule) return null;
  const sdef = SCHEDULES[run.schedule.name];
  if (!sdef) return `unknown schedule "${run.schedule.name}"`;
  return (
    sdef.check?.(run.schedule.params, {
      baseLr: run.params.lr as number,
      baseMomentum: cycledMomentumOf(def, run.params)?.value ?? null,
      steps,
    }) ?? null
  );
}
