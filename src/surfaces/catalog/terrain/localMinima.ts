import type { CriticalPoint, SurfaceDef } from '../../surface.ts';
import { computedPoint, distinctPoints, insideDomain } from '../criticalPoints.ts';
import { readNumber, surfaceParam } from '../paramSpecs.ts';

const AMPLITUDE = surfaceParam(
  'amplitude',
  'bump height',
  'Height of the bumps on the bowl. Higher bumps trap gradient descent in the first dip it finds; 0 leaves a smooth bowl.',
  1,
  0,
  3,
);
const FREQUENCY = surfaceParam(
  'frequency',
  'bump frequency',
  'How close together the bumps are: more, narrower dips to get stuck in.',
  2.5,
  0.5,
  6,
);
const BOWL = surfaceParam(
  'bowl',
  'bowl (≈ weight decay)',
  'Strength of the smooth bowl b·(x² + y²), the same penalty L2 weight decay adds: a stronger bowl drowns the bumps, the farthest traps first; beyond b = amplitude·frequency²/2 the surface is convex and every trap is gone.',
  0.1,
  0.01,
  1,
);

const DOMAIN = { xMin: -4, xMax: 4, yMin: -4, yMax: 4 };

/**
 * A bowl with an egg-crate of bumps: f = b·(x² + y²) + A·(1 − cos ωx·cos ωy). The origin is the
 * global minimum (both terms vanish there only); the crate's dips at (iπ/ω, jπ/ω) with i + j even
 * are local minima wherever the bumps' curvature A·ω² beats the bowl's 2b.
 */
export const localMinima: SurfaceDef = {
  id: 'local_minima',
  name: 'Bumpy bowl',
  lesson:
    'A bowl covered in bumps: gradient descent stops in the first dip; momentum can roll through, and a stronger bowl (like weight decay) smooths the traps away.',
  formula: 'f = b\\,(x^2 + y^2) + A\\,(1 - \\cos\\omega x\\,\\cos\\omega y)',
  category: 'terrain',
  params: [AMPLITUDE, FREQUENCY, BOWL],
  create(params) {
    const A = readNumber(params, AMPLITUDE);
    const w = readNumber(params, FREQUENCY);
    const b = readNumber(params, BOWL);
    const Aw = A * w;
    const Aw2 = A * w * w;
    return {
      f(x, y) {
        return b * (x * x + y * y) + A * (1 - Math.cos(w * x) * Math.cos(w * y));
      },
      grad(x, y, out) {
        const cx = Math.cos(w * x);
        const cy = Math.cos(w * y);
        out[0] = 2 * b * x + Aw * Math.sin(w * x) * cy;
        out[1] = 2 * b * y + Aw * cx * Math.sin(w * y);
      },
      fgGrid(xs, ys, f, gx, gy) {
        // cos(wx)·cos(wy): the trigonometry once per column and per row.
        const cx = new Float64Array(xs.length);
        const sx = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) {
          cx[i] = Math.cos(w * xs[i]);
          sx[i] = Math.sin(w * xs[i]);
        }
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const cy = Math.cos(w * y);
          const sy = Math.sin(w * y);
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            f[k] = b * (x * x + y * y) + A * (1 - cx[i] * cy);
            gx[k] = 2 * b * x + Aw * sx[i] * cy;
            gy[k] = 2 * b * y + Aw * cx[i] * sy;
          }
        }
      },
      hess(x, y, out) {
        const cc = Aw2 * Math.cos(w * x) * Math.cos(w * y);
        out[0] = 2 * b + cc;
        out[1] = -Aw2 * Math.sin(w * x) * Math.sin(w * y);
        out[2] = 2 * b + cc;
      },
    };
  },
  domain: () => ({ ...DOMAIN }),
  start: () => [3.4, 2.9],
  criticalPoints(params) {
    const A = readNumber(params, AMPLITUDE);
    const w = readNumber(params, FREQUENCY);
    const obj = localMinima.create(params, { seed: 0 });
    const points: CriticalPoint[] = [{ x: 0, y: 0, f: 0, kind: 'global-min' }];
    if (A === 0) return points;
    // Each dip's minimum sits near its lattice point, pulled a little towards the origin.
    const cell = Math.PI / w;
    const n = Math.floor(DOMAIN.xMax / cell);
    for (let i = -n; i <= n; i++)
      for (let j = -n; j <= n; j++) {
        if ((i + j) % 2 !== 0 || (i === 0 && j === 0)) continue;
        const p = computedPoint(obj, i * cell, j * cell, cell / 2);
        if (p && p.kind === 'local-min' && insideDomain(DOMAIN, p.x, p.y)) points.push(p);
      }
    return distinctPoints(points);
  },
  view: {},
};
