import { analyticSurface } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const DOWNHILL = numberParam(
  'downhill_curvature',
  'downhill curvature',
  'How fast the surface falls away along y at the saddle. Small values make the escape direction nearly flat, so plain gradient descent lingers at the saddle.',
  1,
  0.02,
  2,
  { log: true },
);
const WALL = numberParam(
  'wall',
  'outer walls',
  'Strength of the y⁴ term that eventually turns the surface back up, giving the escaping optimizer two valleys to land in. 0 is the pure saddle x² − y², which falls forever.',
  0.1,
  0,
  1,
);

const DOMAIN = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

/**
 * The horse saddle f = x² − k·y² + w·y⁴. At the origin the gradient vanishes, yet it is no
 * minimum: an optimizer started on the ridge y ≈ 0 slides in along x and must notice the gentle
 * fall along y to escape. With w > 0 the fall ends in minima at y = ±√(k / 2w), f = −k² / 4w.
 */
export const saddle = analyticSurface({
  id: 'saddle',
  name: 'Saddle point',
  lesson:
    'A flat point that is not a minimum: uphill one way, downhill the other. Gradient descent stalls near it; noise and momentum help it fall off.',
  formula: 'f = x^2 - k\\,y^2 + w\\,y^4',
  category: 'terrain',
  params: [DOWNHILL, WALL],
  expression: 'x^2 - downhill_curvature*y^2 + wall*y^4',
  domain: DOMAIN,
  // On the ridge, barely off it: the escape has to grow from a 0.001 nudge.
  start: [-2.5, 0.001],
  criticalPoints(_, params) {
    const k = readNumber(params, DOWNHILL);
    const w = readNumber(params, WALL);
    const points: CriticalPoint[] = [{ x: 0, y: 0, f: 0, kind: 'saddle' }];
    const y = Math.sqrt(k / (2 * w));
    // With weak walls the minima lie beyond the plotted domain: list only what can be seen.
    if (w > 0 && y <= DOMAIN.yMax) {
      const f = (-k * k) / (4 * w);
      points.push({ x: 0, y, f, kind: 'global-min' }, { x: 0, y: -y, f, kind: 'global-min' });
    }
    return points;
  },
  view: { camera: { azimuth: 35, elevation: 34 } },
});
