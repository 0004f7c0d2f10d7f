import { analyticSurface, square } from '../analyticSurface.ts';

/**
 * Matyas: f = 0.26·(x² + y²) − 0.48·xy, a quadratic with eigenvalues 1 (across the diagonal)
 * and 0.04 (along it): a condition number of 25 along a 45° valley.
 * Published: f(x*) = 0 at x* = (0, 0) (VLSE, https://www.sfu.ca/~ssurjano/matya.html).
 */
export const matyas = analyticSurface({
  id: 'matyas',
  name: 'Matyas',
  lesson:
    'A shallow bowl stretched along the diagonal: the gradient points mostly across the valley, so progress along it is slow, and per-weight scaling cannot help a diagonal valley.',
  formula: 'f = 0.26\\,(x^2 + y^2) - 0.48\\,xy',
  category: 'classic',
  expression: '0.26*(x^2 + y^2) - 0.48*x*y',
  domain: square(10),
  start: [-8, -5],
  criticalPoints: [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
});
