import { analyticSurface, square } from '../analyticSurface.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const CONDITION = numberParam(
  'condition_number',
  'condition number',
  'Ratio of the steep curvature across the ravine to the gentle one along its floor: the higher, the narrower the ravine and the more plain gradient descent zigzags.',
  25,
  1,
  1000,
  { log: true },
);
const ANGLE = numberParam(
  'angle',
  'angle (°)',
  'Direction of the ravine floor, in degrees from the x axis. At 0° the valley is aligned with a weight, where per-weight step sizes (Adam, RMSprop) fix the conditioning; rotated, they cannot.',
  0,
  -90,
  90,
);

/**
 * An ill-conditioned quadratic: f = u²/κ + v² in coordinates (u along the floor, v across)
 * rotated by θ. The Hessian's eigenvalues are 2 (across) and 2/κ (along), so gradient descent is
 * stable only for lr < 1 while the floor converges at the rate 1 − 2·lr/κ.
 */
export const ravine = analyticSurface({
  id: 'ravine',
  name: 'Ravine',
  lesson:
    'An ill-conditioned valley: steep walls, a nearly flat floor. Gradient descent zigzags across it; momentum and adaptive methods run along it.',
  formula:
    'f = \\frac{u^2}{\\kappa} + v^2,\\quad u = x\\cos\\theta + y\\sin\\theta,\\; v = -x\\sin\\theta + y\\cos\\theta',
  category: 'terrain',
  params: [CONDITION, ANGLE],
  expression:
    '(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2 / condition_number + (-sin(angle*pi/180)*x + cos(angle*pi/180)*y)^2',
  domain: square(4),
  start(params) {
    // Far along the floor and a little up one wall, whatever the rotation: (u, v) = (−3.5, 0.5).
    const theta = (readNumber(params, ANGLE) * Math.PI) / 180;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    return [-3.5 * c - 0.5 * s, -3.5 * s + 0.5 * c];
  },
  criticalPoints: [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
  view: { camera: { azimuth: -15, elevation: 62 } },
});
