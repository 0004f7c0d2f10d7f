import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEDULES } from '../../src/engine/schedules/index.ts';
import { resolveParams } from '../../src/engine/validateParams.ts';
import { compare, describeMismatch, merge, relativeErrorFor, TOL } from './fixtureCompare.ts';

/**
 * Every lr sequence in tests/fixtures/torch_schedules.json (torch's lr_scheduler classes, and
 * WarmupCosine / LRRangeTest as LambdaLR) against ScheduleDef.compute: lrs[t] is the lr that
 * optimizer step t uses; for OneCycleLR with cycle_momentum also the momentum (or betas[0]).
 */
interface ScheduleCase {
  name: string;
  schedule: { name: string; params: Record<string, unknown> };
  optimizer: string;
  base_lr: number;
  base_momentum: number | null;
  cycled_momentum: 'momentum' | 'beta1' | null;
  steps: number;
  lrs: number[];
  momenta?: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_schedules.json', import.meta.url), 'utf8'),
) as { torch_version: string; cases: ScheduleCase[] };

const summary: Record<string, { worst: string; result: string }> = {};

describe(`lr schedules match torch ${fixture.torch_version}`, () => {
  it('covers every schedule in the registry', () => {
    const names = new Set(fixture.cases.map((c) => c.schedule.name));
    for (const id of Object.keys(SCHEDULES))
      if (id !== 'constant') expect(names, `a fixture uses ${id}`).toContain(id);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const def = SCHEDULES[c.schedule.name];
      expect(def, `schedule ${c.schedule.name} is registered`).toBeDefined();
      const params = resolveParams(def.params, c.schedule.params, 'schedule.params');
      const inputs = { baseLr: c.base_lr, baseMomentum: c.base_momentum, steps: c.steps };
      expect(def.check?.(params, inputs) ?? null, 'torch accepts this config').toBeNull();
      const track = def.compute(params, inputs);
      expect(track.lrs.length, 'one lr per step').toBe(c.steps);

      const parts = [compare('lrs', track.lrs, c.lrs, relativeErrorFor(c.lrs))];
      if (c.momenta) {
        expect(track.momenta, 'momentum is cycled').toBeDefined();
        parts.push(compare('momenta', track.momenta!, c.momenta, relativeErrorFor(c.momenta)));
      } else if (track.momenta) {
        // torch leaves the optimizer's momentum alone: a track may only restate it.
        expect(
          [...track.momenta].every((m) => m === c.base_momentum),
          'momentum is not cycled',
        ).toBe(true);
      }
      const cmp = merge(...parts);
      summary[c.name] = {
        worst: cmp.worst.toExponential(2),
        result: cmp.first ? `FAIL ${describeMismatch(cmp.first)}` : 'ok',
      };
      expect(cmp.first, `worst error ${cmp.worst.toExponential(2)}; first over ${TOL}`).toBeNull();
    });
  }

  afterAll(() => {
    console.table(summary);
  });
});
