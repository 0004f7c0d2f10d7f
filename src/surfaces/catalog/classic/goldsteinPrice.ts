import type { CriticalPoint, SurfaceDef } from '../../surface.ts';
import { computedPoint } from '../criticalPoints.ts';

/**
 * Goldstein–Price: f = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]
 *                    · [30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)].
 * Published: f(x*) = 3 at x* = (0, −1) (VLSE, https://www.sfu.ca/~ssurjano/goldpr.html).
 * Its local minima near (−0.6, −0.4) (f ≈ 30), (1.8, 0.2) (f ≈ 84) and (1.2, 0.8) (f ≈ 840)
 * are located by Newton. Values span 3 … 10⁶ on [−2, 2]², hence the log view.
 */
export const goldsteinPrice: SurfaceDef = {
  id: 'goldstein_price',
  name: 'Goldstein–Price',
  lesson:
    'Values spanning six orders of magnitude, with local minima ten and a hundred times higher than the global one: a fixed learning rate is too big on the walls and too small in the valleys.',
  formula:
    'f = \\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]\\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        const u = x + y + 1;
        const v = 2 * x - 3 * y;
        const q = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        const s = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        return (1 + u * u * q) * (30 + v * v * s);
      },
      grad(x, y, out) {
        const u = x + y + 1;
        const v = 2 * x - 3 * y;
        const q = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        const s = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        const qx = -14 + 6 * x + 6 * y; // = ∂q/∂y too
        const sx = -32 + 24 * x - 36 * y;
        const sy = 48 - 36 * x + 54 * y;
        const u2 = u * u;
        const v2 = v * v;
        const A = 1 + u2 * q;
        const B = 30 + v2 * s;
        const Ax = 2 * u * q + u2 * qx; // = A_y
        const Bx = 4 * v * s + v2 * sx;
        const By = -6 * v * s + v2 * sy;
        out[0] = Ax * B + A * Bx;
        out[1] = Ax * B + A * By;
      },
      fgGrid(xs, ys, f, gx, gy) {
        // Along a row (y fixed) q, s and their slopes are polynomials in x whose coefficients
        // depend on y alone: computed once per row, they leave ~45 operations per vertex.
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const q1 = 6 * y - 14; // q = 3x² + q1·x + q0, ∂q/∂x = ∂q/∂y = 6x + q1
          const q0 = 19 - 14 * y + 3 * y * y;
          const s1 = -32 - 36 * y; // s = 12x² + s1·x + s0, ∂s/∂x = 24x + s1
          const s0 = 18 + 48 * y + 27 * y * y;
          const sy0 = 48 + 54 * y; // ∂s/∂y = sy0 − 36x
          const y1 = y + 1;
          const y3 = 3 * y;
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            const u = x + y1;
            const v = 2 * x - y3;
            const q = x * (3 * x + q1) + q0;
            const s = x * (12 * x + s1) + s0;
            const u2 = u * u;
            const v2 = v * v;
            const A = 1 + u2 * q;
            const B = 30 + v2 * s;
            const AxB = (2 * u * q + u2 * (6 * x + q1)) * B; // A_x = A_y
            const vs = v * s;
            f[k] = A * B;
            gx[k] = AxB + A * (4 * vs + v2 * (24 * x + s1));
            gy[k] = AxB + A * (-6 * vs + v2 * (sy0 - 36 * x));
          }
        }
      },
      hess(x, y, out) {
        const u = x + y + 1;
        const v = 2 * x - 3 * y;
        const q = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        const s = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        const qx = -14 + 6 * x + 6 * y;
        const sx = -32 + 24 * x - 36 * y;
        const sy = 48 - 36 * x + 54 * y;
        const u2 = u * u;
        const v2 = v * v;
        // A = 1 + P·Q with P = u² (P_x = P_y = 2u, all second derivatives 2) and Q = q (its
        // first derivatives equal, every second derivative 6): A_xx = A_xy = A_yy.
        const A = 1 + u2 * q;
        const Ax = 2 * u * q + u2 * qx;
        const A2 = 2 * q + 4 * u * qx + 6 * u2;
        // B = 30 + R·S with R = v² (R_x = 4v, R_y = −6v; R_xx = 8, R_xy = −12, R_yy = 18) and
        // S = s (S_xx = 24, S_xy = −36, S_yy = 54).
        const B = 30 + v2 * s;
        const Bx = 4 * v * s + v2 * sx;
        const By = -6 * v * s + v2 * sy;
        const Bxx = 8 * s + 8 * v * sx + 24 * v2;
        const Bxy = -12 * s + 4 * v * sy - 6 * v * sx - 36 * v2;
        const Byy = 18 * s - 12 * v * sy + 54 * v2;
        out[0] = A2 * B + 2 * Ax * Bx + A * Bxx;
        out[1] = A2 * B + Ax * By + Ax * Bx + A * Bxy;
        out[2] = A2 * B + 2 * Ax * By + A * Byy;
      },
    };
  },
  domain: () => ({ xMin: -2, xMax: 2, yMin: -2, yMax: 2 }),
  // Above the f = 30 basin: gradient descent (lr ≈ 2e−5) settles there, momentum reaches f = 3.
  start: () => [-1.5, 0.5],
  criticalPoints() {
    const obj = goldsteinPrice.create({}, { seed: 0 });
    const locals = [
      [-0.6, -0.4],
      [1.8, 0.2],
      [1.2, 0.8],
    ]
      .map(([x, y]) => computedPoint(obj, x, y, 0.05))
      .filter((p): p is CriticalPoint => p !== null && p.kind === 'local-min');
    return [{ x: 0, y: -1, f: 3, kind: 'global-min' }, ...locals];
  },
  view: { logHeight: true },
};
