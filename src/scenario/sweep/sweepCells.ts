import type { RunResult } from '../../engine/run.ts';
import type { ModelScenario } from '../modelScenario.ts';
import { buildModel, runModel, type BuiltModel } from '../runModelScenario.ts';
import { buildSurface, runOne, type BuiltSurface } from '../runScenario.ts';
import type { Scenario } from '../scenario.ts';
import { basinOf } from './basinOf.ts';
import { metricOf } from './sweepMetric.ts';
import { withParam } from './sweepParam.ts';
import type { SweepPlan, SweptScenario } from './sweepPlan.ts';

/** Cells [from, to) of a sweep, as a worker computes them. */
export interface SweepCells {
  from: number;
  to: number;
  /** The metric of each cell (sweepMetric.ts: Infinity for a diverged or never-arriving run). */
  values: Float64Array;
  /** Basin maps: where each cell's run ends (basinOf.ts: a minimum's index, −1, −2); else null. */
  ends: Int32Array | null;
  /** Seed fans: each cell's trajectory, flat [x0, y0, x1, y1, …] over its iterates; else null. */
  paths: Float64Array[] | null;
}

/** Where a cell is: its seed index and its index on each axis. */
export function cellIndices(plan: SweepPlan, cell: number): { seed: number; at: number[] } {
  const seed = Math.floor(cell / plan.cellsPerSeed);
  let rest = cell - seed * plan.cellsPerSeed;
  if (plan.sweep.kind === 'seeds') return { seed, at: [seed] };
  const at = new Array<number>(plan.axes.length);
  for (let a = plan.axes.length - 1; a >= 0; a--) {
    const n = plan.axes[a].length;
    at[a] = rest % n;
    rest = (rest - at[a]) / n;
  }
  return { seed, at };
}

/**
 * The single scenario a cell is, and which of its runs: the swept run with the cell's setting
 * (its lr, its two parameters, its start point) and the noise seed of the cell's seed index.
 * A cell's numbers are runScenario's for this scenario, to the last digit.
 */
export function cellScenario<S extends SweptScenario>(
  s: S,
  plan: SweepPlan,
  cell: number,
): { scenario: S; run: number } {
  const { seed, at } = cellIndices(plan, cell);
  const sweep = plan.sweep;
  const value = (a: number) => plan.axes[a][at[a]];
  let run: number;
  let changed = (r: Scenario['runs'][number]) => r;
  if (sweep.kind === 'lr') {
    run = value(0);
    changed = (r) => withParam(r, 'lr', value(1));
  } else {
    // A grid2 over every run has the run as its first axis.
    const every = sweep.kind === 'grid2' && sweep.run === null;
    run = every ? value(0) : sweep.run!;
    const a = every ? 1 : 0;
    if (sweep.kind === 'grid2')
      changed = (r) =>
        withParam(withParam(r, sweep.params[0], value(a)), sweep.params[1], value(a + 1));
    else if (sweep.kind === 'basins') changed = (r) => ({ ...r, start: [value(0), value(1)] });
  }
  const runs = s.runs.map((r, i) => (i === run ? changed(r) : r));
  const { sweep: _sweep, ...rest } = s;
  const scenario = { ...rest, noise: { ...s.noise, seed: plan.seeds[seed] }, runs } as S;
  return { scenario, run };
}

/**
 * One cell's run, by the one run loop of its kind of scenario: a surface's runOne, a network's
 * runModel (its held-out loss only at the ends: no metric reads it). `cache` keeps what a
 * seed builds (a surface's mini-batch order, a network's data and batches follow the seed).
 */
function cellRun(
  scenario: SweptScenario,
  run: number,
  cache: Map<number, BuiltSurface | BuiltModel>,
): { result: RunResult; surface: BuiltSurface | null } {
  const seed = scenario.noise.seed;
  let built = cache.get(seed);
  if ('model' in scenario) {
    if (!built) cache.set(seed, (built = buildModel(scenario.model, seed)));
    const m = scenario as ModelScenario;
    return { result: runModel(m, run, built as BuiltModel, m.steps + 1), surface: null };
  }
  const s = scenario as Scenario;
  if (!built) cache.set(seed, (built = buildSurface(s.surface, seed)));
  const surface = built as BuiltSurface;
  return { result: runOne(s, s.runs[run], surface), surface };
}

/**
 * Compute cells [from, to) of a validated scenario's sweep (plan = planSweep(s)): each cell is
 * one run of the one run loop, so it equals the single run with that setting.
 */
export function sweepCells(
  s: SweptScenario,
  plan: SweepPlan,
  from: number,
  to: number,
): SweepCells {
  const kind = plan.sweep.kind;
  const values = new Float64Array(to - from);
  const ends = kind === 'basins' ? new Int32Array(to - from) : null;
  const paths: Float64Array[] | null = kind === 'seeds' ? [] : null;
  const cache = new Map<number, BuiltSurface | BuiltModel>();
  for (let c = from; c < to; c++) {
    const { scenario, run } = cellScenario(s, plan, c);
    const { result: r, surface } = cellRun(scenario, run, cache);
    values[c - from] = metricOf(r, plan.sweep.metric);
    if (ends && surface) ends[c - from] = basinOf(r, plan.minima, surface.domain);
    if (paths) paths.push(r.trajectory.slice(0, 2 * r.points));
  }
  return { from, to, values, ends, paths };
}
