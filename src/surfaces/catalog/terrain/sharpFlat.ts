import { analyticSurface } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { computedPoint, distinctPoints } from '../criticalPoints.ts';
import { numberParam } from '../../../engine/params.ts';

const SHARP_WIDTH = numberParam(
  'sharp_width',
  'sharp width',
  'Width of the narrow well on the left. The narrower it is, the sharper its curvature and the more a small nudge to the weights costs there.',
  0.25,
  0.1,
  0.8,
);
const SHARP_DEPTH = numberParam(
  'sharp_depth',
  'sharp depth',
  'Depth of the narrow well. By default it is the deeper of the two, so reaching the flat well means choosing robustness over the lowest training loss.',
  1.2,
  0.2,
  3,
);
const FLAT_WIDTH = numberParam(
  'flat_width',
  'flat width',
  'Width of the wide well on the right: a broad basin where the loss barely changes when the weights move a little.',
  1,
  0.5,
  2,
);
const FLAT_DEPTH = numberParam('flat_depth', 'flat depth', 'Depth of the wide well.', 1, 0.2, 3);

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
export const sharpFlat = analyticSurface({
  id: 'sharp_flat',
  name: 'Sharp vs flat minima',
  lesson:
    'A narrow, deep well beside a wide, shallow one: the sharp minimum has the lower loss but is fragile; SAM and large learning rates settle in the flat one.',
  formula:
    'f = 0.05\\,r^2 - d_s\\,e^{-|p - c_s|^2 / 2\\sigma_s^2} - d_f\\,e^{-|p - c_f|^2 / 2\\sigma_f^2},\\; c_s = (-1.5, 0),\\; c_f = (1.5, 0)',
  category: 'terrain',
  params: [SHARP_WIDTH, SHARP_DEPTH, FLAT_WIDTH, FLAT_DEPTH],
  expression:
    'bowl*(x^2 + y^2) - sharp_depth*exp(-((x - sharp_x)^2 + y^2) / (2*sharp_width^2)) - flat_depth*exp(-((x - flat_x)^2 + y^2) / (2*flat_width^2))',
  constants: { bowl: BOWL, sharp_x: SX, flat_x: FX },
  domain: { xMin: -3.5, xMax: 3.5, yMin: -3, yMax: 3 },
  // Near the edge of the sharp well's basin: plain gradient descent and Adam drop into the sharp
  // well, while SAM (ρ = 0.05 … 0.1) and momentum carry on to the flat one.
  start: [-2.2, 1.5],
  criticalPoints(obj) {
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
});
