import { analyticSurface, square } from '../analyticSurface.ts';
import { computedPoints } from '../criticalPoints.ts';

/**
 * Three-hump camel: f = 2x² − 1.05x⁴ + x⁶/6 + xy + y².
 * Published: f(x*) = 0 at x* = (0, 0) (VLSE, https://www.sfu.ca/~ssurjano/camel3.html).
 * Its two local minima near (±1.7476, ∓0.8738) and the saddles between them and the centre
 * are located by Newton.
 */
export const threeHumpCamel = analyticSurface({
  id: 'three_hump_camel',
  name: 'Three-hump camel',
  lesson:
    'A global minimum flanked by two shallower local minima behind low saddles: enough momentum carries an optimizer over a saddle into the better basin.',
  formula: 'f = 2x^2 - 1.05x^4 + \\tfrac{x^6}{6} + xy + y^2',
  category: 'classic',
  expression: '2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2',
  domain: square(2.5),
  start: [2.3, 1.8],
  criticalPoints(obj) {
    const others = computedPoints(
      obj,
      [
        [1.7476, -0.8738],
        [-1.7476, 0.8738],
        [1.0705, -0.5353],
        [-1.0705, 0.5353],
      ],
      0.05,
    );
    return [{ x: 0, y: 0, f: 0, kind: 'global-min' }, ...others];
  },
});
