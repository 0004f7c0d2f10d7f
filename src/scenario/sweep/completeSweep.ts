import { SURFACES } from '../../surfaces/catalog/index.ts';
import type { Scenario, SurfaceRef } from '../scenario.ts';
import { SWEEP_DEFAULTS, type Sweep, type SweepRange } from './sweep.ts';
import { sliderRange, sweptParam } from './sweepParam.ts';
import type { SweepInput } from './sweepSchema.ts';

/** The x and y ranges of a surface's domain: a basin map's default axes. */
function domainRanges(surface: SurfaceRef): SweepRange[] {
  const [xMin, xMax, yMin, yMax] =
    'expression' in surface
      ? surface.domain
      : (({ xMin, xMax, yMin, yMax }) => [xMin, xMax, yMin, yMax])(
          SURFACES[surface.id].domain(surface.params),
        );
  return [
    [xMin, xMax, 'linear'],
    [yMin, yMax, 'linear'],
  ];
}

/**
 * A sweep with every field filled in for its kind (docs/scenario.md lists the defaults):
 * lr over every run, [1e-4, 1] log with 40 points; grid2 over run 0, each parameter's slider
 * range (log where the slider is), 32 × 32; basins of run 0 over the surface's domain, 64 × 64;
 * a fan of 8 seeds of run 0; one seed otherwise; the final loss.
 */
export function completeSweep(
  input: SweepInput,
  s: Pick<Scenario, 'runs'> & { surface?: SurfaceRef },
): Sweep {
  const seeds = input.seeds ?? 1;
  const metric = input.metric;
  switch (input.kind) {
    case 'lr':
      return {
        kind: 'lr',
        run: input.run ?? null,
        params: ['lr'],
        ranges: input.ranges ?? [[...SWEEP_DEFAULTS.lrRange]],
        resolution: input.resolution ?? [SWEEP_DEFAULTS.lrResolution],
        seeds,
        metric,
      };
    case 'grid2': {
      const run = input.run === undefined ? 0 : input.run;
      const params = input.params!;
      // Every run's map shares the first run's slider ranges.
      const first = s.runs[run ?? 0];
      const ranges =
        input.ranges ??
        params.map((name): SweepRange => {
          const p = first ? sweptParam(first, name) : 'no such run';
          // A bad name is reported by sweepProblems; the range here is only a placeholder.
          return typeof p === 'string' ? [0, 1, 'linear'] : sliderRange(p);
        });
      const n = SWEEP_DEFAULTS.grid2Resolution;
      return {
        kind: 'grid2',
        run,
        params: [...params],
        ranges,
        resolution: input.resolution ?? [n, n],
        seeds,
        metric,
      };
    }
    case 'basins': {
      const n = SWEEP_DEFAULTS.basinsResolution;
      return {
        kind: 'basins',
        run: input.run ?? 0,
        params: ['x', 'y'],
        // A network has no domain (its schema refuses basin maps): the unit square.
        ranges:
          input.ranges ??
          (s.surface
            ? domainRanges(s.surface)
            : [
                [0, 1, 'linear'],
                [0, 1, 'linear'],
              ]),
        resolution: input.resolution ?? [n, n],
        seeds,
        metric,
      };
    }
    case 'seeds':
      return {
        kind: 'seeds',
        run: input.run ?? 0,
        params: ['seed'],
        ranges: [],
        resolution: [],
        seeds: input.seeds ?? SWEEP_DEFAULTS.fanSeeds,
        metric,
      };
  }
}
