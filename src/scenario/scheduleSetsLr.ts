import { SCHEDULES } from '../engine/schedules/index.ts';
import type { ScenarioRun } from './scenario.ts';

/**
 * Whether a run's schedule sets the lr itself (OneCycleLR from max_lr, the LR range test from
 * start_lr to end_lr), so the optimizer's own lr changes nothing. Found by asking the schedule,
 * not by a list: its lrs computed from two different base lrs come out the same. Returns what
 * sets it, for the lr field ("set by the One-cycle schedule's max_lr"), or null.
 */
export function lrSetBySchedule(run: ScenarioRun, steps: number): string | null {
  if (!run.schedule) return null;
  const def = SCHEDULES[run.schedule.name];
  if (!def) return null;
  const n = Math.max(1, Math.min(steps, 50));
  const lrsFrom = (baseLr: number) => {
    try {
      return def.compute(run.schedule!.params, { baseLr, baseMomentum: 0.9, steps: n }).lrs;
    } catch {
      return null;
    }
  };
  const a = lrsFrom(1);
  const b = lrsFrom(2);
  if (!a || !b || a.some((v, t) => v !== b[t])) return null;
  const lrParams = def.params.filter((p) => p.kind === 'number' && /lr$/.test(p.name));
  const names = lrParams.map((p) => p.name).join(' and ');
  return `set by the ${def.label} schedule${names ? `’s ${names}` : ''}`;
}
