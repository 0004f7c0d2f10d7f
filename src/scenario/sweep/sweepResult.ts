import { sweepCells, type SweepCells } from './sweepCells.ts';
import { planSweep, type SweepPlan, type SweptScenario } from './sweepPlan.ts';

/**
 * A whole sweep's numbers, filled in as cells arrive (in any order, from any worker): arrays
 * over every cell, indexed as the plan numbers them (seed slowest, then the axes row-major).
 */
export interface SweepResult {
  plan: SweepPlan;
  /** The metric per cell; NaN where the cell is not computed yet. */
  values: Float64Array;
  /** Basin maps: where each cell's run ends (basinOf.ts); 0 until computed. Else null. */
  ends: Int32Array | null;
  /** Seed fans: each seed's trajectory, null until computed. Else null. */
  paths: (Float64Array | null)[] | null;
  /** How many cells are computed. */
  done: number;
}

/** A result with no cell computed yet. */
export function emptySweepResult(plan: SweepPlan): SweepResult {
  const kind = plan.sweep.kind;
  return {
    plan,
    values: new Float64Array(plan.cells).fill(NaN),
    ends: kind === 'basins' ? new Int32Array(plan.cells) : null,
    paths: kind === 'seeds' ? new Array<Float64Array | null>(plan.cells).fill(null) : null,
    done: 0,
  };
}

/** Write computed cells into the result (in place). */
export function addCells(result: SweepResult, cells: SweepCells): void {
  result.values.set(cells.values, cells.from);
  if (result.ends && cells.ends) result.ends.set(cells.ends, cells.from);
  if (result.paths && cells.paths)
    cells.paths.forEach((p, i) => (result.paths![cells.from + i] = p));
  result.done += cells.to - cells.from;
}

/** Every cell of a validated scenario's sweep, on this thread (simulate; tests). */
export function computeSweep(s: SweptScenario): SweepResult {
  const plan = planSweep(s);
  const result = emptySweepResult(plan);
  addCells(result, sweepCells(s, plan, 0, plan.cells));
  return result;
}

/** One seed's values (a band's member): cells [seed × cellsPerSeed, (seed + 1) × cellsPerSeed). */
export function seedValues(result: SweepResult, seed: number): Float64Array {
  const n = result.plan.cellsPerSeed;
  return result.values.subarray(seed * n, (seed + 1) * n);
}
