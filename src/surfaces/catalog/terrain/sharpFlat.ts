import type { CriticalPoint, SurfaceDef } from '../../surface.ts';
import { computedPoint, distinctPoints } from '../criticalPoints.ts';
import { readNumber, surfaceParam } from '../paramSpecs.ts';

const SHARP_WIDTH = surfaceParam(
  'sharp_width',
  'sharp width',
  'Width of the narrow well on the left. The narrower it is, the sharper its curvature and the more a small nudge to the weights costs there.',
  0.25,
  0.1,
  0.8,
);
const SHARP_DEPTH = surfaceParam(
  'sharp_depth',
  'sharp depth',
  'Depth of the narrow well. By default it is the deeper of the two, so reaching the flat well means choosing robustness over the lowest training loss.',
  1.2,
  0.2,
  3,
);
const FLAT_WIDTH = surfaceParam(
  'flat_width',
  'flat width',
  'Width of the wide well on the right: a broad basin where the loss barely changes when the weights move a little.',
  1,
  0.5,
  2,
);
const FLAT_DEPTH = surfaceParam('flat_depth', 'flat depth', 'Depth of the wide well.', 1, 0.2, 3);

/** Well centres: the sharp one left, the flat one right. */
const SX = -1.5;
const FX = 1.5;
/** A gentle bowl so the ground between and around the wells slopes towards them. */
const BOWL = 0.05;

/**
 * Two Gaussian wells in a shallow bowl:
 *   f = 0.05·r² − d_s·exp(−|p − c_s|² / 2σ_s²) − d_f·exp(−|p − c_f|² / 2σ_f²).
 * The sharp well's curvature is about d_s/σ_s² (≈ 19 by default) against the flat one's d_f/σ_f²
 * (≈ 1). Gradient descent with lr just above 2/19 cannot settle in the sharp well (it bounces
 * across it for ever) and at a few times that it is thrown out into the flat one. SAM, which
 * steps with the gradient from ρ uphill, sees the sharp well's walls and from the default start
 * prefers the flat well although the sharp one is deeper. (With ρ ≳ 0.2 and a plain SGD base it
 * can instead hover at the saddle between the wells, a known trait of SAM's dynamics.)
 */
export const sharpFlat: SurfaceDef = {
  id: 'sharp_flat',
  name: 'Sharp vs flat minima',
  lesson:
    'A narrow, deep well beside a wide, shallow one: the sharp minimum has the lower loss but is fragile; SAM and large learning rates settle in the flat one.',
  formula:
    'f = 0.05\\,r^2 - d_s\\,e^{-|p - c_s|^2 / 2\\sigma_s^2} - d_f\\,e^{-|p - c_f|^2 / 2\\sigma_f^2},\\; c_s = (-1.5, 0),\\; c_f = (1.5, 0)',
  category: 'terrain',
  params: [SHARP_WIDTH, SHARP_DEPTH, FLAT_WIDTH, FLAT_DEPTH],
  create(params) {
    const ds = readNumber(params, SHARP_DEPTH);
    const ks = 1 / readNumber(params, SHARP_WIDTH) ** 2;
    const df = readNumber(params, FLAT_DEPTH);
    const kf = 1 / readNumber(params, FLAT_WIDTH) ** 2;
    return {
      f(x, y) {
        const xs = x - SX;
        const xf = x - FX;
        const y2 = y * y;
        return (
          BOWL * (x * x + y2) -
          ds * Math.exp(-0.5 * ks * (xs * xs + y2)) -
          df * Math.exp(-0.5 * kf * (xf * xf + y2))
        );
      },
      grad(x, y, out) {
        const xs = x - SX;
        const xf = x - FX;
        const y2 = y * y;
        // For T = −d·exp(−k|p − c|²/2): ∇T = d·k·exp(...)·(p − c).
        const gs = ds * ks * Math.exp(-0.5 * ks * (xs * xs + y2));
        const gf = df * kf * Math.exp(-0.5 * kf * (xf * xf + y2));
        out[0] = 2 * BOWL * x + gs * xs + gf * xf;
        out[1] = 2 * BOWL * y + (gs + gf) * y;
      },
      fgGrid(xs, ys, f, gx, gy) {
        // Each well's Gaussian factors into a column term and a row term.
        const sx = new Float64Array(xs.length);
        const fx = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) {
          const a = xs[i] - SX;
          const b = xs[i] - FX;
          sx[i] = Math.exp(-0.5 * ks * a * a);
          fx[i] = Math.exp(-0.5 * kf * b * b);
        }
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const y2 = y * y;
          const sy = ds * Math.exp(-0.5 * ks * y2);
          const fy = df * Math.exp(-0.5 * kf * y2);
          for (let i = 0; i < xs.length; i++, k++) {
            const x = xs[i];
            const ws = sx[i] * sy; // ds·exp(−ks|p − s|²/2)
            const wf = fx[i] * fy;
            f[k] = BOWL * (x * x + y2) - ws - wf;
            const gs = ks * ws;
            const gf = kf * wf;
            gx[k] = 2 * BOWL * x + gs * (x - SX) + gf * (x - FX);
            gy[k] = 2 * BOWL * y + (gs + gf) * y;
          }
        }
      },
      hess(x, y, out) {
        const xs = x - SX;
        const xf = x - FX;
        const y2 = y * y;
        // ∇²T = d·k·exp(...)·(I − k·(p − c)(p − c)ᵀ).
        const gs = ds * ks * Math.exp(-0.5 * ks * (xs * xs + y2));
        const gf = df * kf * Math.exp(-0.5 * kf * (xf * xf + y2));
        out[0] = 2 * BOWL + gs * (1 - ks * xs * xs) + gf * (1 - kf * xf * xf);
        out[1] = -(gs * ks * xs + gf * kf * xf) * y;
        out[2] = 2 * BOWL + gs * (1 - ks * y2) + gf * (1 - kf * y2);
      },
    };
  },
  domain: () => ({ xMin: -3.5, xMax: 3.5, yMin: -3, yMax: 3 }),
  // Near the edge of the sharp well's basin: plain gradient descent and Adam drop into the sharp
  // well, while SAM (ρ = 0.05 … 0.1) and momentum carry on to the flat one.
  start: () => [-2.2, 1.5],
  criticalPoints(params) {
    const obj = sharpFlat.create(params, { seed: 0 });
    const found: CriticalPoint[] = [];
    // The wells' own minima (shifted a little by the bowl and each other's tails), then the
    // saddle on the ridge between them.
    const sharp = computedPoint(obj, SX, 0, 1);
    const flat = computedPoint(obj, FX, 0, 1.5);
    for (const p of [sharp, flat]) if (p && p.kind === 'local-min') found.push(p);
    for (const seedX of [0, -0.75, 0.75]) {
      const s = computedPoint(obj, seedX, 0, 1.5);
      if (s && s.kind === 'saddle') found.push(s);
    }
    const minima = found.filter((p) => p.kind !== 'saddle');
    const lowest = Math.min(...minima.map((p) => p.f));
    return distinctPoints(found).map((p) =>
      p.kind === 'local-min' && p.f === lowest ? { ...p, kind: 'global-min' as const } : p,
    );
  },
  view: { camera: { azimuth: 0, elevation: 40 } },
};
