import { describe, expect, it } from 'vitest';
import { dist, last, point, runPreset, stepLength } from './lesson.ts';

describe('preset lion-sign', () => {
  const { scenario, results } = runPreset('lion-sign');
  const [lion, adam] = results;
  const lr = scenario.runs[0].params.lr as number;

  it('every Lion step moves each weight by exactly ±lr', () => {
    for (let k = 0; k < lion.points - 1; k++) {
      const [x0, y0] = point(lion, k);
      const [x1, y1] = point(lion, k + 1);
      expect(Math.abs(x1 - x0)).toBeCloseTo(lr, 12);
      expect(Math.abs(y1 - y0)).toBeCloseTo(lr, 12);
    }
  });

  it('while Adam’s step lengths follow the landscape, over an order of magnitude', () => {
    const lengths = Array.from({ length: adam.points - 1 }, (_, k) => stepLength(adam, k));
    expect(Math.max(...lengths) / Math.min(...lengths)).toBeGreaterThan(10);
  });

  it('Lion reaches the minimum along the flat valley floor; Adam is still far away', () => {
    expect(dist(last(lion), [1, 1])).toBeLessThan(0.1);
    expect(dist(last(adam), [1, 1])).toBeGreaterThan(1);
  });

  it('and keeps rattling there: its last steps are still full size', () => {
    for (let k = lion.points - 10; k < lion.points - 1; k++)
      expect(stepLength(lion, k)).toBeCloseTo(lr * Math.SQRT2, 12);
  });
});
