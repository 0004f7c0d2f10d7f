import { analyticSurface, square } from '../analyticSurface.ts';

/**
 * Booth: f = (x + 2y − 7)² + (2x + y − 5)², a quadratic with Hessian [[10, 8], [8, 10]]
 * (eigenvalues 18 and 2). Published: f(x*) = 0 at x* = (1, 3)
 * (VLSE, https://www.sfu.ca/~ssurjano/booth.html).
 */
export const booth = analyticSurface({
  id: 'booth',
  name: 'Booth',
  lesson:
    'A tilted quadratic bowl (condition number 9): the easy case, where every optimizer should win, and where a too-large learning rate still diverges.',
  formula: 'f = (x + 2y - 7)^2 + (2x + y - 5)^2',
  category: 'classic',
  expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  domain: square(10),
  start: [-8, -6],
  criticalPoints: [{ x: 1, y: 3, f: 0, kind: 'global-min' }],
});
