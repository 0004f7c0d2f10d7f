import { analyticSurface, square } from '../analyticSurface.ts';
import { computedPoints } from '../criticalPoints.ts';

/**
 * Goldstein–Price: f = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]
 *                    · [30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)].
 * Published: f(x*) = 3 at x* = (0, −1) (VLSE, https://www.sfu.ca/~ssurjano/goldpr.html).
 * Its local minima near (−0.6, −0.4) (f ≈ 30), (1.8, 0.2) (f ≈ 84) and (1.2, 0.8) (f ≈ 840)
 * are located by Newton. Values span 3 … 10⁶ on [−2, 2]², hence the log view.
 */
export const goldsteinPrice = analyticSurface({
  id: 'goldstein_price',
  name: 'Goldstein–Price',
  lesson:
    'Values spanning six orders of magnitude, with local minima ten and a hundred times higher than the global one: a fixed learning rate is too big on the walls and too small in the valleys.',
  formula:
    'f = \\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]\\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]',
  category: 'classic',
  expression:
    '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2)) * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
  domain: square(2),
  // Above the f = 30 basin: gradient descent (lr ≈ 2e−5) settles there, momentum reaches f = 3.
  start: [-1.5, 0.5],
  criticalPoints(obj) {
    const locals = computedPoints(
      obj,
      [
        [-0.6, -0.4],
        [1.8, 0.2],
        [1.2, 0.8],
      ],
      0.05,
      'local-min',
    );
    return [{ x: 0, y: -1, f: 3, kind: 'global-min' }, ...locals];
  },
  view: { logHeight: true },
});
