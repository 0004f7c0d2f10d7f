import { analyticSurface, square } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { cubicRoots } from '../cubicRoots.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const STEEPNESS = numberParam(
  'steepness',
  'steepness',
  'How steep the walls of the ring-shaped valley are. Steeper walls make the valley narrower and more ill-conditioned: gradient descent must take tiny steps and so creeps around the bend.',
  0.5,
  0.05,
  5,
  { log: true },
);
const TILT = numberParam(
  'tilt',
  'tilt',
  'How much the whole ring slopes down towards its lowest point at the bottom (0, −R). Small tilts leave the valley floor nearly flat.',
  0.5,
  0.05,
  2,
);

/** Radius of the valley's ring. */
const R = 2;

/**
 * A crater: a circular valley k·(x² + y² − R²)² around a hill, tilted by t·(R + y) so its floor
 * descends from a saddle at the top to a minimum at the bottom. The descent is a long curved
 * path: following it needs a direction that keeps turning, which momentum overshoots and plain
 * gradient descent creeps along. (Unlike Rosenbrock's parabola, the valley closes on itself.)
 * Stationary points lie on x = 0 where 4k·(y² − R²)·y + t = 0.
 */
export const curvedValley = analyticSurface({
  id: 'curved_valley',
  name: 'Curved valley',
  lesson:
    'A long valley that bends: the way down keeps changing direction, so momentum overshoots the bend and plain gradient descent creeps along the floor.',
  formula: 'f = k\\,(x^2 + y^2 - R^2)^2 + t\\,(R + y),\\quad R = 2',
  category: 'terrain',
  params: [STEEPNESS, TILT],
  expression: 'steepness*(x^2 + y^2 - R^2)^2 + tilt*(R + y)',
  constants: { R },
  domain: square(3),
  // Just left of the saddle at the top of the ring: the way down is the long left-hand arc.
  start: [-0.5, 2.1],
  criticalPoints(_, params) {
    const k = readNumber(params, STEEPNESS);
    const t = readNumber(params, TILT);
    const f = (y: number) => k * (y * y - R * R) ** 2 + t * (R + y);
    const points: CriticalPoint[] = [];
    for (const y of cubicRoots(-R * R, t / (4 * k))) {
      // f_yy = 4k·(3y² − R²) on x = 0, and f_xx = 4k·(y² − R²): both > 0 is a minimum, opposite
      // signs a saddle, both < 0 the hilltop in the middle (not listed).
      const fxx = y * y - R * R;
      const fyy = 3 * y * y - R * R;
      if (fxx > 0 && fyy > 0) points.push({ x: 0, y, f: f(y), kind: 'global-min' });
      else if (fxx * fyy < 0) points.push({ x: 0, y, f: f(y), kind: 'saddle' });
    }
    return points;
  },
});
