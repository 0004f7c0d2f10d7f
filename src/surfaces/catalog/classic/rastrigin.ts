import type { SurfaceDef } from '../../surface.ts';
import { readNumber, surfaceParam } from '../paramSpecs.ts';

const AMP = surfaceParam(
  'A',
  'A',
  'Height of the ripples (textbook value 10). 0 leaves the plain bowl x² + y².',
  10,
  0,
  30,
);

const TWO_PI = 2 * Math.PI;

/**
 * Rastrigin: f = 2A + Σ (x_i² − A·cos 2πx_i). Global minimum 0 at the origin, with a local
 * minimum near every integer point (VLSE, https://www.sfu.ca/~ssurjano/rastr.html: A = 10,
 * f(x*) = 0 at x* = (0, …, 0)).
 */
export const rastrigin: SurfaceDef = {
  id: 'rastrigin',
  name: 'Rastrigin',
  lesson:
    'A bowl under an egg-crate of regularly spaced local minima: gradient descent stops in the nearest dip; only big steps or noise find the centre.',
  formula: 'f = 2A + \\sum_{i=1}^{2} \\left(x_i^2 - A\\cos 2\\pi x_i\\right)',
  category: 'classic',
  params: [AMP],
  create(params) {
    const A = readNumber(params, AMP);
    const Aw = A * TWO_PI;
    const Aw2 = A * TWO_PI * TWO_PI;
    return {
      f(x, y) {
        return 2 * A + x * x - A * Math.cos(TWO_PI * x) + y * y - A * Math.cos(TWO_PI * y);
      },
      grad(x, y, out) {
        out[0] = 2 * x + Aw * Math.sin(TWO_PI * x);
        out[1] = 2 * y + Aw * Math.sin(TWO_PI * y);
      },
      fgGrid(xs, ys, f, gx, gy) {
        // Separable: each axis's term and slope once per column and per row.
        const tx = new Float64Array(xs.length);
        const sx = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) {
          const x = xs[i];
          tx[i] = x * x - A * Math.cos(TWO_PI * x);
          sx[i] = 2 * x + Aw * Math.sin(TWO_PI * x);
        }
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const ty = 2 * A + y * y - A * Math.cos(TWO_PI * y);
          const sy = 2 * y + Aw * Math.sin(TWO_PI * y);
          for (let i = 0; i < xs.length; i++, k++) {
            f[k] = tx[i] + ty;
            gx[k] = sx[i];
            gy[k] = sy;
          }
        }
      },
      hess(x, y, out) {
        out[0] = 2 + Aw2 * Math.cos(TWO_PI * x);
        out[1] = 0;
        out[2] = 2 + Aw2 * Math.cos(TWO_PI * y);
      },
    };
  },
  domain: () => ({ xMin: -5.12, xMax: 5.12, yMin: -5.12, yMax: 5.12 }),
  start: () => [4.2, 3.3],
  criticalPoints: () => [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
  view: {},
};
