import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { runScenario } from '../../src/scenario/runScenario.ts';
import { surfaceCriticalPoints } from '../../src/scenario/surfaceCriticalPoints.ts';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';
import { describeEnding } from '../../src/view/panels/runOutcome.ts';

describe('surfaceCriticalPoints', () => {
  it('a typed surface gets numerically found minima, so a run’s ending names the nearest', () => {
    const s = parseScenario({
      surface: { expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', domain: [-5, 5, -5, 5] },
      start: [0, 0],
      steps: 200,
      runs: [{ optimizer: 'adam', params: { lr: 0.1 } }],
    });
    const points = surfaceCriticalPoints(s.surface);
    expect(points.filter((p) => p.kind === 'global-min')).toHaveLength(4);
    // Cached per surface object: the markers, the legend and the plots share one search.
    expect(surfaceCriticalPoints(s.surface)).toBe(points);
    const [result] = runScenario(s).results;
    const ending = describeEnding(
      result,
      points,
      0.2,
      (x, y) => `(${x.toFixed(2)}, ${y.toFixed(2)})`,
    );
    // Adam from the origin falls into the (3, 2) basin (the one downhill of the start).
    expect(ending).toBe('in the global minimum (3.00, 2.00)');
  });

  it('a catalog surface keeps its own published points', () => {
    const s = parseScenario({ surface: { id: 'himmelblau' }, runs: [{ optimizer: 'sgd' }] });
    const ref = 'id' in s.surface ? SURFACES.himmelblau.criticalPoints(s.surface.params) : [];
    expect(surfaceCriticalPoints(s.surface)).toEqual(ref);
  });
});
