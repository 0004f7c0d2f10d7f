import { analyticSurface, square } from '../analyticSurface.ts';
import { computedPoints, publishedPoint } from '../criticalPoints.ts';

/**
 * Himmelblau: f = (x² + y − 11)² + (x + y² − 7)². Four global minima, all f = 0 (Himmelblau,
 * Applied Nonlinear Programming, 1972; positions as tabulated in Wikipedia's "Test functions for
 * optimization"): (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186), (3.584428, −1.848126).
 * (VLSE has no Himmelblau page.) Between them lie four saddles, located here by Newton from
 * rough positions; the local maximum near (−0.27, −0.92) is not listed.
 */
export const himmelblau = analyticSurface({
  id: 'himmelblau',
  name: 'Himmelblau',
  lesson:
    'Four equally good minima: which one an optimizer reaches depends on where it starts and how it moves, not on which is best.',
  formula: 'f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  category: 'classic',
  expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  domain: square(5),
  // From the origin, plain gradient descent and momentum end in different minima.
  start: [0, 0],
  criticalPoints(obj) {
    const saddles = computedPoints(
      obj,
      [
        [0.087, 2.884],
        [-3.073, -0.081],
        [3.385, 0.074],
        [-0.128, -1.954],
      ],
      0.05,
      'saddle',
    );
    return [
      publishedPoint(obj, 3, 2, 0, 'global-min'),
      publishedPoint(obj, -2.805118, 3.131312, 0, 'global-min'),
      publishedPoint(obj, -3.77931, -3.283186, 0, 'global-min'),
      publishedPoint(obj, 3.584428, -1.848126, 0, 'global-min'),
      ...saddles,
    ];
  },
  view: { logHeight: true },
});
