import { analyticSurface } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const WALL = numberParam(
  'wall',
  'outer walls',
  'Strength of the (x² + y²)² term that turns the three valleys back up, so the escaping optimizer has somewhere to land. 0 is the pure monkey saddle, which falls forever.',
  0.5,
  0,
  2,
);

const DOMAIN = { xMin: -2.2, xMax: 2.2, yMin: -2.2, yMax: 2.2 };

/**
 * The monkey saddle x³ − 3xy² (= r³·cos 3φ): three valleys and three ridges meet at a flat
 * origin where even the curvature vanishes, so unlike x² − y² there is no linear push away from
 * it: gradient descent crawls through. With w·r⁴ the valleys (φ = π/3, π, 5π/3) bottom out at
 * r* = 3 / 4w, f = −r*³ / 4.
 */
export const monkeySaddle = analyticSurface({
  id: 'monkey_saddle',
  name: 'Monkey saddle',
  lesson:
    'A degenerate saddle with three ways down: the gradient and the curvature both vanish, so there is no push to escape and optimizers crawl across the flat centre.',
  formula: 'f = x^3 - 3xy^2 + w\\,(x^2 + y^2)^2',
  category: 'terrain',
  params: [WALL],
  expression: 'x^3 - 3*x*y^2 + wall*(x^2 + y^2)^2',
  domain: DOMAIN,
  // On the ridge along +x, a hair off it: the descent runs into the flat centre first.
  start: [1.2, 0.02],
  criticalPoints(_, params) {
    const w = readNumber(params, WALL);
    const points: CriticalPoint[] = [{ x: 0, y: 0, f: 0, kind: 'saddle' }];
    const r = 3 / (4 * w);
    // With weak walls the minima lie beyond the plotted domain: list only what can be seen.
    if (w > 0 && r <= DOMAIN.xMax) {
      const f = -(r * r * r) / 4;
      const half = (r * Math.sqrt(3)) / 2;
      points.push(
        { x: -r, y: 0, f, kind: 'global-min' },
        { x: r / 2, y: half, f, kind: 'global-min' },
        { x: r / 2, y: -half, f, kind: 'global-min' },
      );
    }
    return points;
  },
});
