import type { ModelScenario } from '../modelScenario.ts';
import { LIMITS, type Scenario } from '../scenario.ts';
import { minimaPositions, surfaceCriticalPoints } from '../surfaceCriticalPoints.ts';
import type { Sweep, SweepRange } from './sweep.ts';

/**
 * What a sweep computes, as plain data (posted to workers as is): its axes and cells.
 *
 * Cells are numbered row-major over `axes`, the first axis slowest, and then over seeds, the
 * seed slowest of all: cell c is seed ⌊c / cellsPerSeed⌋ at grid point c mod cellsPerSeed. A
 * worker pool splits [0, cells) into ranges; each cell is computed alone, so the numbers are
 * the same with any number of workers.
 */
export interface SweepPlan {
  sweep: Sweep;
  /**
   * The names of the axes: lr `['run', 'lr']`, grid2 its two parameters, basins `['x', 'y']`,
   * seeds `['seed']`.
   */
  names: string[];
  /** Each axis's values: for lr the run indices then the lrs; for seeds the seeds themselves. */
  axes: number[][];
  /** The noise seed of each seed index (kind seeds: its one axis). */
  seeds: number[];
  /** Cells of one seed: the product of the axes' lengths (1 for a seed fan). */
  cellsPerSeed: number;
  /** All cells: cellsPerSeed × seeds.length. */
  cells: number;
  /** Basin maps: the surface's known minima, which `ends` indexes; empty for other kinds. */
  minima: [number, number][];
}

/**
 * The points of one axis, ends included exactly: evenly spaced, or evenly spaced in log10 for
 * a log range. One point is the range's start.
 */
export function axisValues([from, to, scale]: SweepRange, n: number): number[] {
  const out: number[] = [];
  const a = scale === 'log' ? Math.log10(from) : from;
  const b = scale === 'log' ? Math.log10(to) : to;
  for (let i = 0; i < n; i++) {
    if (i === 0) out.push(from);
    else if (i === n - 1) out.push(to);
    else {
      const u = a + ((b - a) * i) / (n - 1);
      out.push(scale === 'log' ? 10 ** u : u);
    }
  }
  return out;
}

/** The noise seeds of a sweep: the scenario's, then the next ones (wrapping at 2³²). */
export function sweepSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % (LIMITS.maxSeed + 1));
}

/** The runs an lr sweep draws a curve for (a grid2 a map for): its `run`, or every run. */
export const sweptRuns = (sweep: Sweep, runs: number): number[] =>
  sweep.run === null ? Array.from({ length: runs }, (_, i) => i) : [sweep.run];

/** Cells × seeds × one cell's work (a surface's steps, a network's multiply-adds). */
export function sweepWork(sweep: Sweep, runs: number, perCell: number): number {
  return cellsPerSeedOf(sweep, runs) * sweep.seeds * perCell;
}

function cellsPerSeedOf(sweep: Sweep, runs: number): number {
  if (sweep.kind === 'seeds') return 1;
  const grid = sweep.resolution.reduce((a, b) => a * b, 1);
  const perRun = sweep.kind === 'lr' || sweep.kind === 'grid2';
  return perRun ? sweptRuns(sweep, runs).length * grid : grid;
}

/** A scenario a sweep can belong to: a surface's or a network's. */
export type SweptScenario = Scenario | ModelScenario;

/** The axes and cells of a validated scenario's sweep (throws if it has none). */
export function planSweep(s: SweptScenario): SweepPlan {
  const sweep = s.sweep;
  if (!sweep) throw new Error('the scenario has no sweep');
  const seeds = sweepSeeds(s.noise.seed, sweep.seeds);
  const grid = sweep.ranges.map((r, i) => axisValues(r, sweep.resolution[i]));
  let names: string[];
  let axes: number[][];
  if (sweep.kind === 'lr') {
    names = ['run', 'lr'];
    axes = [sweptRuns(sweep, s.runs.length), grid[0]];
  } else if (sweep.kind === 'grid2' && sweep.run === null) {
    // One map per run: the runs slowest, then the two parameters.
    names = ['run', ...sweep.params];
    axes = [sweptRuns(sweep, s.runs.length), ...grid];
  } else if (sweep.kind === 'seeds') {
    names = ['seed'];
    axes = [seeds];
  } else {
    names = [...sweep.params];
    axes = grid;
  }
  // A seed fan has one cell per seed: its one axis is the seeds.
  const cellsPerSeed = cellsPerSeedOf(sweep, s.runs.length);
  const minima =
    sweep.kind === 'basins' && 'surface' in s
      ? minimaPositions(surfaceCriticalPoints(s.surface)).map(([x, y]): [number, number] => [x, y])
      : [];
  const cells = cellsPerSeed * seeds.length;
  return { sweep, names, axes, seeds, cellsPerSeed, cells, minima };
}
