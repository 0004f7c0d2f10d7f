import type { SurfaceDef } from '../../surface.ts';

/**
 * Booth: f = (x + 2y − 7)² + (2x + y − 5)², a quadratic with Hessian [[10, 8], [8, 10]]
 * (eigenvalues 18 and 2). Published: f(x*) = 0 at x* = (1, 3)
 * (VLSE, https://www.sfu.ca/~ssurjano/booth.html).
 */
export const booth: SurfaceDef = {
  id: 'booth',
  name: 'Booth',
  lesson:
    'A tilted quadratic bowl (condition number 9): the easy case, where every optimizer should win, and where a too-large learning rate still diverges.',
  formula: 'f = (x + 2y - 7)^2 + (2x + y - 5)^2',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        const u = x + 2 * y - 7;
        const v = 2 * x + y - 5;
        return u * u + v * v;
      },
      grad(x, y, out) {
        const u = x + 2 * y - 7;
        const v = 2 * x + y - 5;
        out[0] = 2 * u + 4 * v;
        out[1] = 4 * u + 2 * v;
      },
      fgGrid(xs, ys, f, gx, gy) {
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            const u = x + 2 * y - 7;
            const v = 2 * x + y - 5;
            f[k] = u * u + v * v;
            gx[k] = 2 * u + 4 * v;
            gy[k] = 4 * u + 2 * v;
          }
        }
      },
      hess(_x, _y, out) {
        out[0] = 10;
        out[1] = 8;
        out[2] = 10;
      },
    };
  },
  domain: () => ({ xMin: -10, xMax: 10, yMin: -10, yMax: 10 }),
  start: () => [-8, -6],
  criticalPoints: () => [{ x: 1, y: 3, f: 0, kind: 'global-min' }],
  view: {},
};
