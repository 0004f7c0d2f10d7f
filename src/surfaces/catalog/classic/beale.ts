import type { SurfaceDef } from '../../surface.ts';
import { publishedPoint } from '../criticalPoints.ts';

/**
 * Beale: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
 * Published: f(x*) = 0 at x* = (3, 0.5) (VLSE, https://www.sfu.ca/~ssurjano/beale.html).
 * (0, 1) is a saddle, f = 1.5² + 2.25² + 2.625² = 14.203125 (on x = 0 every ∂/∂x-term's factor
 * y^k − 1 vanishes only at y = 1).
 */
export const beale: SurfaceDef = {
  id: 'beale',
  name: 'Beale',
  lesson:
    'Flat plateaus and sharp ridges around a narrow valley: step sizes that suit one region blow up or stall in the next.',
  formula: 'f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        const y2 = y * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y2 * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
      },
      grad(x, y, out) {
        const y2 = y * y;
        const y3 = y2 * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y3;
        out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
        out[1] = 2 * x * (t1 + 2 * y * t2 + 3 * y2 * t3);
      },
      fgGrid(xs, ys, f, gx, gy) {
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const y2 = y * y;
          const y3 = y2 * y;
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            const t1 = 1.5 - x + x * y;
            const t2 = 2.25 - x + x * y2;
            const t3 = 2.625 - x + x * y3;
            f[k] = t1 * t1 + t2 * t2 + t3 * t3;
            gx[k] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
            gy[k] = 2 * x * (t1 + 2 * y * t2 + 3 * y2 * t3);
          }
        }
      },
      hess(x, y, out) {
        const y2 = y * y;
        const y3 = y2 * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y3;
        // ∂t/∂x = (y − 1, y² − 1, y³ − 1); ∂t/∂y = x·(1, 2y, 3y²); ∂²t/∂x² = 0;
        // ∂²t/∂x∂y = (1, 2y, 3y²); ∂²t/∂y² = x·(0, 2, 6y).
        const ax = y - 1;
        const bx = y2 - 1;
        const cx = y3 - 1;
        const ay = x;
        const by = 2 * x * y;
        const cy = 3 * x * y2;
        out[0] = 2 * (ax * ax + bx * bx + cx * cx);
        out[1] = 2 * (ax * ay + bx * by + cx * cy + t1 + 2 * y * t2 + 3 * y2 * t3);
        out[2] = 2 * (ay * ay + by * by + cy * cy + 2 * x * t2 + 6 * x * y * t3);
      },
    };
  },
  domain: () => ({ xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 }),
  start: () => [1, 1.6],
  criticalPoints() {
    const obj = beale.create({}, { seed: 0 });
    return [
      publishedPoint(obj, 3, 0.5, 0, 'global-min'),
      { x: 0, y: 1, f: 14.203125, kind: 'saddle' },
    ];
  },
  view: { logHeight: true },
};
