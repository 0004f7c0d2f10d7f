import { analyticSurface, square } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { cubicRoots } from '../cubicRoots.ts';
import { publishedPoint } from '../criticalPoints.ts';

/**
 * Styblinski–Tang: f = ½·Σ (x_i⁴ − 16x_i² + 5x_i).
 * Published: f(x*) = −39.16599·d at x*_i = −2.903534 (VLSE,
 * https://www.sfu.ca/~ssurjano/stybtang.html), so −78.33198 for d = 2. That printed value is
 * 1.7e-4 per coordinate above the true minimum, −39.166166 (Wikipedia's "Test functions for
 * optimization" bounds it as −39.16617·d < f(x*) < −39.16616·d); `exact` carries the true one.
 *
 * Separable: each coordinate's stationary points are the roots of 2x³ − 16x + 2.5 = 0,
 * x ≈ −2.903534 (min), 0.156731 (max), 2.746803 (min), so the 2D surface has four minima
 * (one global, three local) and four saddles, all at products of those roots.
 */
export const styblinskiTang = analyticSurface({
  id: 'styblinski_tang',
  name: 'Styblinski–Tang',
  lesson:
    'Four basins of different depths: the nearest valley is not the deepest, so the start and the step size decide where you end up.',
  formula: 'f = \\tfrac{1}{2}\\sum_{i=1}^{2} \\left(x_i^4 - 16x_i^2 + 5x_i\\right)',
  category: 'classic',
  expression: '0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
  domain: square(5),
  start: [4.5, 0.6],
  criticalPoints(obj) {
    const roots = stationaryRoots();
    const [lo, mid, hi] = roots;
    const at = (x: number, y: number, kind: CriticalPoint['kind']): CriticalPoint => ({
      x,
      y,
      f: obj.f(x, y),
      kind,
    });
    return [
      publishedPoint(obj, -2.903534, -2.903534, -78.33198, 'global-min'),
      at(lo, hi, 'local-min'),
      at(hi, lo, 'local-min'),
      at(hi, hi, 'local-min'),
      at(lo, mid, 'saddle'),
      at(mid, lo, 'saddle'),
      at(hi, mid, 'saddle'),
      at(mid, hi, 'saddle'),
    ];
  },
});

/** The three real roots of 2x³ − 16x + 2.5 = 0 (x³ − 8x + 1.25 = 0), ascending. */
function stationaryRoots(): [number, number, number] {
  const r = cubicRoots(-8, 1.25).sort((a, b) => a - b);
  return [r[0], r[1], r[2]];
}
