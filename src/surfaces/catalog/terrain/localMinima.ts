import { analyticSurface } from '../analyticSurface.ts';
import type { CriticalPoint } from '../../surface.ts';
import { computedPoint, distinctPoints, insideDomain } from '../criticalPoints.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const AMPLITUDE = numberParam(
  'amplitude',
  'bump height',
  'Height of the bumps on the bowl. Higher bumps trap gradient descent in the first dip it finds; 0 leaves a smooth bowl.',
  1,
  0,
  3,
);
const FREQUENCY = numberParam(
  'frequency',
  'bump frequency',
  'How close together the bumps are: more, narrower dips to get stuck in.',
  2.5,
  0.5,
  6,
);
const BOWL = numberParam(
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
export const localMinima = analyticSurface({
  id: 'local_minima',
  name: 'Bumpy bowl',
  lesson:
    'A bowl covered in bumps: gradient descent stops in the first dip; momentum can roll through, and a stronger bowl (like weight decay) smooths the traps away.',
  formula: 'f = b\\,(x^2 + y^2) + A\\,(1 - \\cos\\omega x\\,\\cos\\omega y)',
  category: 'terrain',
  params: [AMPLITUDE, FREQUENCY, BOWL],
  expression: 'bowl*(x^2 + y^2) + amplitude*(1 - cos(frequency*x)*cos(frequency*y))',
  domain: DOMAIN,
  start: [3.4, 2.9],
  criticalPoints(obj, params) {
    const A = readNumber(params, AMPLITUDE);
    const w = readNumber(params, FREQUENCY);
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
});
