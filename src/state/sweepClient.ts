import type { Scenario } from '../scenario/scenario.ts';
import { sweepCells } from '../scenario/sweep/sweepCells.ts';
import { planSweep } from '../scenario/sweep/sweepPlan.ts';
import { addCells, emptySweepResult, type SweepResult } from '../scenario/sweep/sweepResult.ts';

/** How far a sweep has got: cells computed of all. */
export interface SweepProgress {
  done: number;
  total: number;
}

/**
 * Compute a validated scenario's sweep off the main thread (first version: in-process, chunk
 * by chunk on later tasks). `onPartial` gets the growing result after each chunk (the same
 * object each time, filled in place), `onDone` the complete one, `onError` a sentence. Returns
 * cancel: nothing more is delivered after it.
 */
export function runSweep(
  scenario: Scenario,
  onPartial: (result: SweepResult, progress: SweepProgress) => void,
  onDone: (result: SweepResult) => void,
  onError: (message: string) => void,
): () => void {
  let cancelled = false;
  let plan;
  try {
    plan = planSweep(scenario);
  } catch (e) {
    setTimeout(() => !cancelled && onError((e as Error).message), 0);
    return () => (cancelled = true);
  }
  const result = emptySweepResult(plan);
  const chunk = Math.max(1, Math.floor(50_000 / Math.max(1, scenario.steps)));
  let next = 0;
  const step = () => {
    if (cancelled) return;
    try {
      const to = Math.min(plan.cells, next + chunk);
      addCells(result, sweepCells(scenario, plan, next, to));
      next = to;
    } catch (e) {
      onError((e as Error).message);
      return;
    }
    onPartial(result, { done: result.done, total: plan.cells });
    if (next < plan.cells) setTimeout(step, 0);
    else onDone(result);
  };
  setTimeout(step, 0);
  return () => (cancelled = true);
}
