/**
 * A scenario's optional sweep (issue 14): many runs of the same scenario, each with one setting
 * changed, summarised by one number per run. The page draws it (learning-rate curves, a
 * hyperparameter heatmap, a basin map, a seed fan), `simulate` prints it, and every cell is
 * exactly the single run with that setting (sweepCells.ts).
 *
 * Kinds and what their axes are (docs/scenario.md, "sweep"):
 *   - `lr`: the runs (`run`, or every run when `run` is null) × a log-spaced lr range;
 *   - `grid2`: two parameters of one run, e.g. lr × weight_decay (`betas[1]` names β₂), or of
 *     every run (`run` null: the runs, then the two parameters);
 *   - `basins`: the start point of one run, x then y, over the surface's domain by default;
 *   - `seeds`: one run under `seeds` noise seeds (the seed fan; its axis is the seeds).
 * Every kind but `seeds` is repeated over `seeds` seeds when `seeds` > 1 (a band).
 */

/** Which sweep (see above). */
export type SweepKind = 'lr' | 'grid2' | 'basins' | 'seeds';

/** How an axis spaces its points between its ends. */
export type SweepScale = 'log' | 'linear';

/** One axis's ends (inclusive) and spacing: [from, to, scale]. */
export type SweepRange = [number, number, SweepScale];

/**
 * The number each cell holds:
 *   - `final_loss`: f at the run's last iterate;
 *   - `best_loss`: the least f over its iterates;
 *   - `{steps_to: x}`: the first iterate k (= steps taken) with f(x_k) ≤ x.
 * A diverged run (a non-finite iterate or loss) and a run that never reaches x hold Infinity
 * (`null` in JSON), so the least value is always a run that finished.
 */
export type SweepMetric = 'final_loss' | 'best_loss' | { steps_to: number };

/** A validated sweep, every field filled in for its kind. */
export interface Sweep {
  kind: SweepKind;
  /**
   * The run swept: an index into `runs`; null = every run (kinds `lr`, its default, and
   * `grid2`: one map per run, side by side).
   */
  run: number | null;
  /**
   * What each axis varies: `['lr']` for lr, two parameter names for grid2 (a tuple's element
   * as `betas[1]`), `['x', 'y']` for basins, `['seed']` for seeds.
   */
  params: string[];
  /** Per axis of params (none for seeds): its ends and spacing. */
  ranges: SweepRange[];
  /** Per axis of params (none for seeds): how many points it has. */
  resolution: number[];
  /** How many noise seeds: scenario seed, seed + 1, …; the seed fan's size for kind `seeds`. */
  seeds: number;
  metric: SweepMetric;
}

/** Bounds on a sweep (the schema enforces them with messages naming the field). */
export const SWEEP_LIMITS = {
  /** Points on one axis. */
  maxResolution: 256,
  maxSeeds: 64,
  /**
   * Cells × seeds × steps: about 8 s of this machine's two cores (npm run bench measures
   * 128 × 128 × 300 steps under 2 s), so no link can ask for minutes of work.
   */
  maxWork: 20_000_000,
} as const;

/** Defaults per kind (docs/scenario.md lists them). */
export const SWEEP_DEFAULTS = {
  lrRange: [1e-4, 1, 'log'] as SweepRange,
  lrResolution: 40,
  grid2Resolution: 32,
  basinsResolution: 64,
  fanSeeds: 8,
  metric: 'final_loss' as SweepMetric,
} as const;
