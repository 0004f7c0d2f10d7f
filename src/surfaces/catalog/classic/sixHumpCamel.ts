import { analyticSurface } from '../analyticSurface.ts';
import { computedPoints, publishedPoint } from '../criticalPoints.ts';

/**
 * Six-hump camel: f = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y².
 * Published: f(x*) = −1.0316 at x* = (0.0898, −0.7126) and (−0.0898, 0.7126)
 * (VLSE, https://www.sfu.ca/~ssurjano/camel6.html). Its four other local minima, near
 * (±1.7036, ∓0.7961) and (±1.6071, ±0.5687) (Molga & Smutnicki 2005), are located by Newton.
 */
export const sixHumpCamel = analyticSurface({
  id: 'six_hump_camel',
  name: 'Six-hump camel',
  lesson:
    'Six minima, two of them global and mirror images: where you start decides which basin you fall into.',
  formula: 'f = \\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + (-4 + 4y^2)\\,y^2',
  category: 'classic',
  expression: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  domain: { xMin: -2.2, xMax: 2.2, yMin: -1.1, yMax: 1.1 },
  start: [-1.9, -0.9],
  criticalPoints(obj) {
    const locals = computedPoints(
      obj,
      [
        [1.7036, -0.7961],
        [-1.7036, 0.7961],
        [1.6071, 0.5687],
        [-1.6071, -0.5687],
      ],
      0.01,
      'local-min',
    );
    return [
      publishedPoint(obj, 0.0898, -0.7126, -1.0316, 'global-min'),
      publishedPoint(obj, -0.0898, 0.7126, -1.0316, 'global-min'),
      ...locals,
    ];
  },
});
