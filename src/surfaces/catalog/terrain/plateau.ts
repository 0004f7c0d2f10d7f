import type { SurfaceDef } from '../../surface.ts';
import { readNumber, surfaceParam } from '../paramSpecs.ts';

const WIDTH = surfaceParam(
  'width',
  'basin width',
  'Radius of the basin in the middle of the plateau. A narrow basin leaves more flat ground around it, where the gradient is all but zero.',
  1.2,
  0.4,
  3,
);

/**
 * A Gaussian well in a flat plain: f = 1 − exp(−r² / w²). Far from the basin the slope
 * decays like exp(−r²/w²), so gradient descent's steps shrink to nothing (a vanishing-gradient
 * plateau), while optimizers that normalise the gradient's size (Adam, RMSprop) keep walking.
 */
export const plateau: SurfaceDef = {
  id: 'plateau',
  name: 'Plateau',
  lesson:
    'A vast flat plain around a basin: the gradient is almost zero, so gradient descent barely moves; momentum and adaptive step sizes cross it.',
  formula: 'f = 1 - e^{-(x^2 + y^2)/w^2}',
  category: 'terrain',
  params: [WIDTH],
  create(params) {
    const w = readNumber(params, WIDTH);
    const k = 1 / (w * w);
    return {
      f(x, y) {
        return 1 - Math.exp(-k * (x * x + y * y));
      },
      grad(x, y, out) {
        const e2k = 2 * k * Math.exp(-k * (x * x + y * y));
        out[0] = e2k * x;
        out[1] = e2k * y;
      },
      // exp(−k(x² + y²)) = exp(−kx²)·exp(−ky²): one factor per column and per row. The vertex
      // index is v: k is the surface's rate.
      fgGrid(xs, ys, f, gx, gy) {
        const ex = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) ex[i] = Math.exp(-k * xs[i] * xs[i]);
        for (let j = 0, v = 0; j < ys.length; j++) {
          const y = ys[j];
          const ey = Math.exp(-k * y * y);
          for (let i = 0; i < xs.length; i++, v++) {
            const e = ex[i] * ey;
            const e2k = 2 * k * e;
            f[v] = 1 - e;
            gx[v] = e2k * xs[i];
            gy[v] = e2k * y;
          }
        }
      },
      hess(x, y, out) {
        const e2k = 2 * k * Math.exp(-k * (x * x + y * y));
        out[0] = e2k * (1 - 2 * k * x * x);
        out[1] = -e2k * 2 * k * x * y;
        out[2] = e2k * (1 - 2 * k * y * y);
      },
    };
  },
  domain: () => ({ xMin: -4, xMax: 4, yMin: -4, yMax: 4 }),
  start: () => [2.6, 1.8],
  criticalPoints: () => [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
  view: {},
};
