import type { Json } from '../compactScenario.ts';
import type { Scenario } from '../scenario.ts';
import { completeSweep } from './completeSweep.ts';
import type { Sweep } from './sweep.ts';
import type { SweepInput } from './sweepSchema.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The smallest `sweep` that parses back to this one: `kind`, then only the fields that differ
 * from what completeSweep fills in (grid2's parameter names are always kept: they have no
 * default). The share link stores this.
 */
export function compactSweep(
  sweep: Sweep,
  s: Pick<Scenario, 'runs'> & { surface?: Scenario['surface'] },
): Record<string, Json> {
  const out: Record<string, Json> = { kind: sweep.kind };
  const input: SweepInput = {
    kind: sweep.kind,
    run: undefined,
    params: sweep.kind === 'grid2' ? sweep.params : undefined,
    ranges: undefined,
    resolution: undefined,
    seeds: undefined,
    metric: sweep.metric,
  };
  let defaults = completeSweep(input, s);
  if (sweep.run !== defaults.run) {
    out.run = sweep.run;
    // grid2's default ranges are the swept run's sliders.
    defaults = completeSweep({ ...input, run: sweep.run }, s);
  }
  if (sweep.kind === 'grid2') out.params = [...sweep.params];
  if (!same(sweep.ranges, defaults.ranges)) out.ranges = sweep.ranges.map((r) => [...r]);
  if (!same(sweep.resolution, defaults.resolution)) out.resolution = [...sweep.resolution];
  if (sweep.seeds !== defaults.seeds) out.seeds = sweep.seeds;
  if (sweep.metric !== 'final_loss')
    out.metric =
      typeof sweep.metric === 'string' ? sweep.metric : { steps_to: sweep.metric.steps_to };
  return out;
}
