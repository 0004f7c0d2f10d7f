import type { CriticalPoint, SurfaceDef } from '../../surface.ts';
import { computedPoint, publishedPoint } from '../criticalPoints.ts';

/**
 * Six-hump camel: f = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y².
 * Published: f(x*) = −1.0316 at x* = (0.0898, −0.7126) and (−0.0898, 0.7126)
 * (VLSE, https://www.sfu.ca/~ssurjano/camel6.html). Its four other local minima, near
 * (±1.7036, ∓0.7961) and (±1.6071, ±0.5687) (Molga & Smutnicki 2005), are located by Newton.
 */
export const sixHumpCamel: SurfaceDef = {
  id: 'six_hump_camel',
  name: 'Six-hump camel',
  lesson:
    'Six minima, two of them global and mirror images: where you start decides which basin you fall into.',
  formula: 'f = \\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + (-4 + 4y^2)\\,y^2',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        const x2 = x * x;
        const y2 = y * y;
        return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
      },
      grad(x, y, out) {
        const x2 = x * x;
        out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
        out[1] = x - 8 * y + 16 * y * y * y;
      },
      fgGrid(xs, ys, f, gx, gy) {
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const y2 = y * y;
          const fy = (-4 + 4 * y2) * y2;
          const gyy = -8 * y + 16 * y * y * y;
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            const x2 = x * x;
            f[k] = (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + fy;
            gx[k] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
            gy[k] = x + gyy;
          }
        }
      },
      hess(x, y, out) {
        const x2 = x * x;
        out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
        out[1] = 1;
        out[2] = -8 + 48 * y * y;
      },
    };
  },
  domain: () => ({ xMin: -2.2, xMax: 2.2, yMin: -1.1, yMax: 1.1 }),
  start: () => [-1.9, -0.9],
  criticalPoints() {
    const obj = sixHumpCamel.create({}, { seed: 0 });
    const locals = [
      [1.7036, -0.7961],
      [-1.7036, 0.7961],
      [1.6071, 0.5687],
      [-1.6071, -0.5687],
    ]
      .map(([x, y]) => computedPoint(obj, x, y, 0.01))
      .filter((p): p is CriticalPoint => p !== null && p.kind === 'local-min');
    return [
      publishedPoint(obj, 0.0898, -0.7126, -1.0316, 'global-min'),
      publishedPoint(obj, -0.0898, 0.7126, -1.0316, 'global-min'),
      ...locals,
    ];
  },
  view: {},
};
