import type { SurfaceDef } from '../../surface.ts';

/**
 * Easom: f = −cos x·cos y·exp(−((x − π)² + (y − π)²)).
 * Published: f(x*) = −1 at x* = (π, π) (VLSE, https://www.sfu.ca/~ssurjano/easom.html).
 * Everywhere more than a few units from (π, π) the surface is flat to within e^−(dist²).
 */
export const easom: SurfaceDef = {
  id: 'easom',
  name: 'Easom',
  lesson:
    'A needle in a haystack: one small, deep hole in a flat plain. Far from it the gradient is practically zero, so only an optimizer that starts near it, or rescales tiny gradients, finds it.',
  formula: 'f = -\\cos x\\,\\cos y\\;e^{-(x - \\pi)^2 - (y - \\pi)^2}',
  category: 'classic',
  params: [],
  create() {
    return {
      f(x, y) {
        const a = x - Math.PI;
        const b = y - Math.PI;
        return -Math.cos(x) * Math.cos(y) * Math.exp(-(a * a + b * b));
      },
      grad(x, y, out) {
        const a = x - Math.PI;
        const b = y - Math.PI;
        const E = Math.exp(-(a * a + b * b));
        const cx = Math.cos(x);
        const cy = Math.cos(y);
        out[0] = cy * E * (Math.sin(x) + 2 * a * cx);
        out[1] = cx * E * (Math.sin(y) + 2 * b * cy);
      },
      fgGrid(xs, ys, f, gx, gy) {
        // f = −p(x)·p(y) with p(t) = cos t·exp(−(t − π)²): one factor per column and per row.
        const px = new Float64Array(xs.length);
        const dx = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) {
          const x = xs[i];
          const a = x - Math.PI;
          const e = Math.exp(-(a * a));
          px[i] = Math.cos(x) * e;
          dx[i] = e * (Math.sin(x) + 2 * a * Math.cos(x)); // −p′(x)
        }
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const b = y - Math.PI;
          const e = Math.exp(-(b * b));
          const py = Math.cos(y) * e;
          const dy = e * (Math.sin(y) + 2 * b * Math.cos(y));
          for (let i = 0; i < xs.length; i++, k++) {
            f[k] = -px[i] * py;
            gx[k] = dx[i] * py;
            gy[k] = px[i] * dy;
          }
        }
      },
      hess(x, y, out) {
        const a = x - Math.PI;
        const b = y - Math.PI;
        const E = Math.exp(-(a * a + b * b));
        const cx = Math.cos(x);
        const cy = Math.cos(y);
        const sx = Math.sin(x);
        const sy = Math.sin(y);
        out[0] = cy * E * (3 * cx - 4 * a * sx - 4 * a * a * cx);
        out[1] = -E * (sx + 2 * a * cx) * (sy + 2 * b * cy);
        out[2] = cx * E * (3 * cy - 4 * b * sy - 4 * b * b * cy);
      },
    };
  },
  domain: () => ({ xMin: -1, xMax: 7, yMin: -1, yMax: 7 }),
  start: () => [1.2, 0.9],
  criticalPoints: () => [{ x: Math.PI, y: Math.PI, f: -1, kind: 'global-min' }],
  view: {},
};
