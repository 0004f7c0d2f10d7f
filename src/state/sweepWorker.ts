import { sweepCells, type SweepCells } from '../scenario/sweep/sweepCells.ts';
import type { SweepPlan, SweptScenario } from '../scenario/sweep/sweepPlan.ts';

/**
 * Computing a sweep's cells off the main thread (issue 14). One plain-data message each way, as
 * for the grid and network workers: a request carries the validated scenario, its plan and a
 * range of cells [from, to); the answer carries those cells' arrays as transferables. The pool
 * (sweepClient.ts) hands each worker its next range as it answers, so a slow corner of a basin
 * map does not hold up the rest, and every cell is computed alone by the same pure code
 * (sweepCells), so the numbers are the same whichever worker computed them.
 */
export interface SweepRequest {
  id: number;
  scenario: SweptScenario;
  plan: SweepPlan;
  from: number;
  to: number;
}

/** The cells asked for, or the sentence saying why they could not be computed. */
export type SweepResponse = { id: number; cells: SweepCells } | { id: number; error: string };

/** Answer one request (the worker's side; also the in-process fallback's). */
export function respondSweep(req: SweepRequest): SweepResponse {
  try {
    return { id: req.id, cells: sweepCells(req.scenario, req.plan, req.from, req.to) };
  } catch (e) {
    return { id: req.id, error: (e as Error).message };
  }
}

/** The buffers an answer hands over (each array owns its buffer). */
export function sweepTransferables(res: SweepResponse): ArrayBuffer[] {
  if (!('cells' in res)) return [];
  const { values, ends, paths } = res.cells;
  const out = [values.buffer as ArrayBuffer];
  if (ends) out.push(ends.buffer as ArrayBuffer);
  if (paths) for (const p of paths) out.push(p.buffer as ArrayBuffer);
  return out;
}
