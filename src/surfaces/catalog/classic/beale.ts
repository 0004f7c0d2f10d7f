import { analyticSurface, square } from '../analyticSurface.ts';
import { publishedPoint } from '../criticalPoints.ts';

/**
 * Beale: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
 * Published: f(x*) = 0 at x* = (3, 0.5) (VLSE, https://www.sfu.ca/~ssurjano/beale.html).
 * (0, 1) is a saddle, f = 1.5² + 2.25² + 2.625² = 14.203125 (on x = 0 every ∂/∂x-term's factor
 * y^k − 1 vanishes only at y = 1).
 */
export const beale = analyticSurface({
  id: 'beale',
  name: 'Beale',
  lesson:
    'Flat plateaus and sharp ridges around a narrow valley: step sizes that suit one region blow up or stall in the next.',
  formula: 'f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
  category: 'classic',
  expression: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  domain: square(4.5),
  start: [1, 1.6],
  criticalPoints(obj) {
    return [
      publishedPoint(obj, 3, 0.5, 0, 'global-min'),
      { x: 0, y: 1, f: 14.203125, kind: 'saddle' },
    ];
  },
  view: { logHeight: true },
});
