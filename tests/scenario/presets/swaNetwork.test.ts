import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { runNetworkPreset } from './networkLesson.ts';

describe('preset swa-network', () => {
  const averageLoss = (o: ReturnType<typeof runNetworkPreset>, r: RunResult) =>
    o.built.objective.lossOn(r.swa!.slice((r.points - 1) * r.dim), o.built.train);
  const out = runNetworkPreset('swa-network');
  const run = out.results[0];
  const start = out.scenario.runs[0].swa!.start;

  it('the average has a lower training loss than the last iterate', () => {
    expect(averageLoss(out, run)).toBeLessThan(0.9 * run.losses[run.points - 1]);
  });

  it('and than the averaged iterates have on average', () => {
    let mean = 0;
    for (let k = start; k < run.points; k++) mean += run.losses[k] / (run.points - start);
    expect(averageLoss(out, run)).toBeLessThan(0.9 * mean);
  });

  it('try this: at lr 0.5 the last iterate is nearer the average', () => {
    const calm = runNetworkPreset('swa-network', (s) => {
      s.runs[0].params.lr = 0.5;
    });
    const c = calm.results[0];
    const gain = (o: typeof out, r: RunResult) => r.losses[r.points - 1] - averageLoss(o, r);
    expect(gain(calm, c)).toBeLessThan(0.5 * gain(out, run));
  });
});
