import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { computeSweep } from '../../../src/scenario/sweep/sweepResult.ts';

describe('preset lr-weight-decay-map-adamw', () => {
  const s = parseScenario(PRESETS_BY_ID['lr-weight-decay-map-adamw'].scenario);
  const r = computeSweep(s);
  const [lrs, wds] = r.plan.axes;
  const at = (i: number, j: number) => r.values[i * wds.length + j];
  const near = (axis: readonly number[], v: number) =>
    axis.reduce(
      (b, x, i) => (Math.abs(Math.log(x / v)) < Math.abs(Math.log(axis[b] / v)) ? i : b),
      0,
    );

  it('maps the AdamW run over the same axes as the Adam + L2 lesson', () => {
    const other = parseScenario(PRESETS_BY_ID['lr-weight-decay-map-adam-l2'].scenario);
    expect(s.sweep!.run).toBe(1);
    expect(s.runs[1].optimizer).toBe('adamw');
    expect(s.runs).toEqual(other.runs);
    expect(s.sweep!.ranges).toEqual(other.sweep!.ranges);
  });

  it('its rows are not level: at λ 0.1 the final loss falls more than 5× from lr 0.03 to lr 1', () => {
    const j = near(wds, 0.1);
    expect(at(near(lrs, 0.03), j)).toBeGreaterThan(5 * at(near(lrs, 1), j));
  });

  it('the bands tilt: a larger lr with a larger λ ends about as low as a smaller pair', () => {
    // Along λ ∝ √lr the loss stays within a factor 3, while at fixed λ it changes ≥ 5× above.
    const a = at(near(lrs, 0.1), near(wds, 0.03));
    const b = at(near(lrs, 1), near(wds, 0.1));
    expect(b / a).toBeGreaterThan(1 / 3);
    expect(b / a).toBeLessThan(3);
  });
});
