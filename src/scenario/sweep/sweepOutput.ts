import { BASIN_DIVERGED, BASIN_MOVING } from './basinOf.ts';
import type { SweepMetric } from './sweep.ts';
import type { SweepResult } from './sweepResult.ts';

/**
 * The `sweep` object `simulate` prints (docs/scenario.md): `axes` as the plan has them and
 * `values` row-major over them, the first axis slowest; with more than one seed (a band),
 * `values` holds one such list per seed. null stands for Infinity (a diverged run, or one that
 * never reached a `steps_to` loss). A basin map adds `minima` and `ends` (shaped like
 * `values`); a seed fan adds each seed's `paths`.
 */
export interface SimulatedSweep {
  kind: string;
  names: string[];
  axes: number[][];
  seeds: number[];
  metric: SweepMetric;
  values: (number | null)[] | (number | null)[][];
  minima?: [number, number][];
  ends?: number[] | number[][];
  paths?: [number, number][][];
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A computed sweep as simulate prints it (Infinity as null, values per seed for a band). */
export function toSimulatedSweep(result: SweepResult): SimulatedSweep {
  const { plan } = result;
  const n = plan.cellsPerSeed;
  // A seed fan's one axis is the seeds: one list. Otherwise one list per seed when banded.
  const banded = plan.sweep.kind !== 'seeds' && plan.seeds.length > 1;
  const shape = <T>(all: T[]): T[] | T[][] =>
    banded ? plan.seeds.map((_, s) => all.slice(s * n, (s + 1) * n)) : all;
  const out: SimulatedSweep = {
    kind: plan.sweep.kind,
    names: plan.names,
    axes: plan.axes,
    seeds: plan.seeds,
    metric: plan.sweep.metric,
    values: shape(Array.from(result.values, orNull)),
  };
  if (result.ends) {
    out.minima = plan.minima;
    out.ends = shape(Array.from(result.ends));
  }
  if (result.paths)
    out.paths = result.paths.map((p) => {
      const pairs: [number, number][] = [];
      for (let k = 0; p && k < p.length; k += 2) pairs.push([p[k], p[k + 1]]);
      return pairs;
    });
  return out;
}

/** What a basin map's end code means, for a CSV cell or a legend. */
export function endName(end: number): string {
  if (end === BASIN_DIVERGED) return 'diverged';
  if (end === BASIN_MOVING) return 'moving';
  return `minimum ${end}`;
}
