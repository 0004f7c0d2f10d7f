import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';

describe('preset lr-weight-decay-map-adam-l2', () => {
  const s = parseScenario(PRESETS_BY_ID['lr-weight-decay-map-adam-l2'].scenario);
  const r = computeSweep(s);
  const [lrs, wds] = r.plan.axes;
  const at = (i: number, j: number) => r.values[i * wds.length + j];

  it('maps the Adam + L2 run over lr × weight decay, both log-spaced', () => {
    expect(s.sweep!.run).toBe(0);
    expect(s.runs[0].optimizer).toBe('adam');
    expect(r.plan.names).toEqual(['lr', 'weight_decay']);
    expect(lrs[0]).toBe(1e-3);
    expect(wds[wds.length - 1]).toBe(1);
  });

  it('right of lr 0.1 each row is the L2 optimum’s loss 2·(2λ/(4 + λ))², whatever the lr', () => {
    // f = 2(x − 2)²; the minimum of f + λ/2·x² is x = 8/(4 + λ). Within 5%: Adam still jitters.
    for (let j = 0; j < wds.length; j++) {
      const l = wds[j];
      const optimum = 2 * ((2 * l) / (4 + l)) ** 2;
      for (let i = 0; i < lrs.length; i++)
        if (lrs[i] >= 0.1) expect(Math.abs(at(i, j) / optimum - 1)).toBeLessThan(0.05);
    }
  });

  it('left of lr 0.01 the run has not arrived in 300 steps', () => {
    for (let j = 0; j < wds.length; j++)
      for (let i = 0; i < lrs.length; i++) if (lrs[i] <= 0.01) expect(at(i, j)).toBeGreaterThan(1);
  });
});
