import { analyticSurface, square } from '../analyticSurface.ts';
import { numberParam } from '../../../engine/params.ts';

const AMP = numberParam(
  'A',
  'A',
  'Height of the ripples (textbook value 10). 0 leaves the plain bowl x² + y².',
  10,
  0,
  30,
);

/**
 * Rastrigin: f = 2A + Σ (x_i² − A·cos 2πx_i). Global minimum 0 at the origin, with a local
 * minimum near every integer point (VLSE, https://www.sfu.ca/~ssurjano/rastr.html: A = 10,
 * f(x*) = 0 at x* = (0, …, 0)).
 */
export const rastrigin = analyticSurface({
  id: 'rastrigin',
  name: 'Rastrigin',
  lesson:
    'A bowl under an egg-crate of regularly spaced local minima: gradient descent stops in the nearest dip; only big steps or noise find the centre.',
  formula: 'f = 2A + \\sum_{i=1}^{2} \\left(x_i^2 - A\\cos 2\\pi x_i\\right)',
  category: 'classic',
  params: [AMP],
  expression: '2*A + x^2 - A*cos(2*pi*x) + y^2 - A*cos(2*pi*y)',
  domain: square(5.12),
  start: [4.2, 3.3],
  criticalPoints: [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
});
