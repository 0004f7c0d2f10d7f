import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/surfaces/expression/index.ts';
import { findCriticalPoints } from '../../src/surfaces/findCriticalPoints.ts';

const domain = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };

describe('findCriticalPoints on a typed expression', () => {
  it("finds Himmelblau's four published minima (Himmelblau 1972) within 1e-6", () => {
    const { objective } = compileExpression('(x^2 + y - 11)^2 + (x + y^2 - 7)^2');
    const points = findCriticalPoints(objective, domain);
    const minima = points.filter((p) => p.kind !== 'saddle');
    // Published to six decimals (e.g. Wikipedia, "Himmelblau's function"); f = 0 at each.
    const published = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    expect(minima).toHaveLength(4);
    for (const [x, y] of published) {
      const hit = minima.find((p) => Math.hypot(p.x - x, p.y - y) < 1e-6);
      expect(hit, `minimum near (${x}, ${y})`).toBeDefined();
      expect(hit!.kind).toBe('global-min');
      expect(hit!.f).toBeLessThan(1e-20);
    }
    // Between four minima lie saddles (four of them) and one maximum, which is not listed.
    expect(points.filter((p) => p.kind === 'saddle')).toHaveLength(4);
  });

  it('labels the lower of two wells global and the other local', () => {
    // Two wells on the x axis, the one at x = 2 deeper by 0.5.
    const { objective } = compileExpression('(x^2 - 4)^2 / 16 - 0.125 * x + y^2');
    const minima = findCriticalPoints(objective, domain).filter((p) => p.kind !== 'saddle');
    expect(minima).toHaveLength(2);
    expect(minima[0].kind).toBe('global-min');
    expect(minima[0].x).toBeGreaterThan(0);
    expect(minima[1].kind).toBe('local-min');
  });

  it('finds nothing on a plane', () => {
    const { objective } = compileExpression('x + y');
    expect(findCriticalPoints(objective, domain)).toEqual([]);
  });
});
