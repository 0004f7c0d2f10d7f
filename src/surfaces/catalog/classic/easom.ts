import { analyticSurface } from '../analyticSurface.ts';

/**
 * Easom: f = −cos x·cos y·exp(−((x − π)² + (y − π)²)).
 * Published: f(x*) = −1 at x* = (π, π) (VLSE, https://www.sfu.ca/~ssurjano/easom.html).
 * Everywhere more than a few units from (π, π) the surface is flat to within e^−(dist²).
 */
export const easom = analyticSurface({
  id: 'easom',
  name: 'Easom',
  lesson:
    'A needle in a haystack: one small, deep hole in a flat plain. Far from it the gradient is practically zero, so only an optimizer that starts near it, or rescales tiny gradients, finds it.',
  formula: 'f = -\\cos x\\,\\cos y\\;e^{-(x - \\pi)^2 - (y - \\pi)^2}',
  category: 'classic',
  expression: '-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))',
  domain: { xMin: -1, xMax: 7, yMin: -1, yMax: 7 },
  start: [1.2, 0.9],
  criticalPoints: [{ x: Math.PI, y: Math.PI, f: -1, kind: 'global-min' }],
});
