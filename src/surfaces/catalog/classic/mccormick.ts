import { analyticSurface } from '../analyticSurface.ts';
import { publishedPoint } from '../criticalPoints.ts';

/**
 * McCormick: f = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1.
 * Published: f(x*) = −1.9133 at x* = (−0.54719, −1.54719) (VLSE,
 * https://www.sfu.ca/~ssurjano/mccorm.html). Exactly: ∇f = 0 ⇔ x − y = 1 and cos(x + y) = −½;
 * the minima have x + y = −2π/3 + 2πk (where sin < 0 makes the Hessian positive definite), the
 * saddles x + y = 2π/3 + 2πk. The true minimum value is −1.913223, which the table rounds up
 * in its last digit.
 */
export const mccormick = analyticSurface({
  id: 'mccormick',
  name: 'McCormick',
  lesson:
    'A tilted valley with a gentle wave along its floor: a second, shallower minimum lies further up the valley past a saddle.',
  formula: 'f = \\sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1',
  category: 'classic',
  expression: 'sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1',
  domain: { xMin: -1.5, xMax: 4, yMin: -3, yMax: 4 },
  start: [3.5, 3.5],
  criticalPoints(obj) {
    // On the line x − y = 1 at x + y = s: x = (s + 1)/2, y = (s − 1)/2.
    const at = (s: number) => ({ x: (s + 1) / 2, y: (s - 1) / 2 });
    const local = at((4 * Math.PI) / 3);
    const saddle = at((2 * Math.PI) / 3);
    return [
      publishedPoint(obj, -0.54719, -1.54719, -1.9133, 'global-min'),
      { ...local, f: obj.f(local.x, local.y), kind: 'local-min' },
      { ...saddle, f: obj.f(saddle.x, saddle.y), kind: 'saddle' },
    ];
  },
});
