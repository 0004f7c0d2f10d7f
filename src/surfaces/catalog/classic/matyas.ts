import type { SurfaceDef } from '../../surface.ts';

/**
 * Matyas: f = 0.26·(x² + y²) − 0.48·xy, a quadratic with eigenvalues 1 (across the diagonal)
 * and 0.04 (along it): a condition number of 25 along a 45° valley.
 * Published: f(x*) = 0 at x* = (0, 0) (VLSE, https://www.sfu.ca/~ssurjano/matya.html).
 */
export const matyas: SurfaceDef = {
  id: 'matyas',
  name: 'Matyas',
  lesson:
    'A shallow bowl stretched along the diagonal: the gradient points mostly across the valley, so progress along it is slow, and per-weight scaling cannot help a diagonal valley.',
  formula: 'f = 0.26\\,(x^2 + y^2) - 0.48\\,xy',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
      },
      grad(x, y, out) {
        out[0] = 0.52 * x - 0.48 * y;
        out[1] = 0.52 * y - 0.48 * x;
      },
      fgGrid(xs, ys, f, gx, gy) {
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            f[k] = 0.26 * (x * x + y * y) - 0.48 * x * y;
            gx[k] = 0.52 * x - 0.48 * y;
            gy[k] = 0.52 * y - 0.48 * x;
          }
        }
      },
      hess(_x, _y, out) {
        out[0] = 0.52;
        out[1] = -0.48;
        out[2] = 0.52;
      },
    };
  },
  domain: () => ({ xMin: -10, xMax: 10, yMin: -10, yMax: 10 }),
  start: () => [-8, -5],
  criticalPoints: () => [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
  view: {},
};
