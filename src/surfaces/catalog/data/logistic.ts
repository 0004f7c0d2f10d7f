import type { SurfaceDef } from '../../surface.ts';
import { computedPoint, insideDomain } from '../criticalPoints.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';
import { evaluatePoints } from '../../grid/evaluatePoints.ts';
import { makeDataset } from './dataset.ts';
import { EpochShuffle } from './epochShuffle.ts';
import { logisticSums } from './logisticGrid.ts';

const DATA_SEED = numberParam(
  'data_seed',
  'data seed',
  'Which random dataset to draw: the same seed gives the same points everywhere. (The order of the mini-batches comes from the scenario seed instead.)',
  1,
  0,
  99999,
  { integer: true },
);
const N_POINTS = numberParam(
  'n_points',
  'examples',
  'How many training examples. The loss is their mean, so more examples make a smoother, more certain landscape.',
  64,
  4,
  512,
  { integer: true },
);
const BATCH_SIZE = numberParam(
  'batch_size',
  'batch size',
  'Examples per mini-batch gradient. Small batches give cheap, noisy steps (the noise of SGD); a batch as large as the dataset gives the exact gradient.',
  8,
  1,
  512,
  { integer: true },
);
const SEPARATION = numberParam(
  'separation',
  'class separation',
  'Distance between the two classes’ centres, in units of their spread. Well-separated classes push the best weights far out (with no L2, to infinity).',
  2,
  0,
  6,
);
const L2 = numberParam(
  'l2',
  'L2 penalty',
  'λ in the loss term (λ/2)·‖w‖², part of the landscape itself (unlike an optimizer’s weight decay): it rounds the bowl and pulls the minimum towards the origin.',
  0.01,
  0,
  1,
);

const DOMAIN = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e⁻ᶻ) without overflow. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * A real model on real (synthetic) data: logistic regression p(y = 1 | x) = σ(w·x) with the two
 * weights w = (w₁, w₂) as (x, y) and no bias (the classes are symmetric about the origin).
 *   f(w) = (1/n)·Σ log(1 + exp(−yᵢ·w·xᵢ)) + (λ/2)·‖w‖²   (mean binary cross-entropy, yᵢ = ±1)
 *   ∇f = −(1/n)·Σ yᵢ·σ(−yᵢ·w·xᵢ)·xᵢ + λw,   ∇²f = (1/n)·Σ σ(zᵢ)(1 − σ(zᵢ))·xᵢxᵢᵀ + λI.
 * The mini-batch gradient replaces the mean over all n by the mean over step t's batch, so SGD's
 * noise is the real sampling noise of the data, not an added Gaussian.
 */
export const logistic: SurfaceDef = {
  id: 'logistic',
  name: 'Logistic regression',
  lesson:
    'A real classifier trained on data: a convex but stretched bowl, and mini-batch gradients that jitter around the true one, which is where SGD’s noise comes from.',
  formula:
    'f(w) = \\frac{1}{n}\\sum_{i=1}^{n} \\log\\left(1 + e^{-y_i\\, w^\\top x_i}\\right) + \\frac{\\lambda}{2}\\lVert w \\rVert^2',
  category: 'data',
  params: [DATA_SEED, N_POINTS, BATCH_SIZE, SEPARATION, L2],
  create(params, ctx) {
    const n = readNumber(params, N_POINTS);
    const lambda = readNumber(params, L2);
    const data = makeDataset(n, readNumber(params, SEPARATION), readNumber(params, DATA_SEED));
    const { x1, x2, label } = data;
    const shuffle = new EpochShuffle(n, Math.min(readNumber(params, BATCH_SIZE), n), ctx.seed);
    const order = shuffle.order;
    // The largest |x₁| and |x₂| in the data bound every logit on a grid (see fgGrid).
    const maxX1 = x1.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const maxX2 = x2.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return {
      f(w1, w2) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += softplus(-label[i] * (w1 * x1[i] + w2 * x2[i]));
        return sum / n + 0.5 * lambda * (w1 * w1 + w2 * w2);
      },
      grad(w1, w2, out) {
        let g1 = 0;
        let g2 = 0;
        for (let i = 0; i < n; i++) {
          const yi = label[i];
          const c = yi * sigmoid(-yi * (w1 * x1[i] + w2 * x2[i]));
          g1 -= c * x1[i];
          g2 -= c * x2[i];
        }
        out[0] = g1 / n + lambda * w1;
        out[1] = g2 / n + lambda * w2;
      },
      fgGrid(xs, ys, f, gx, gy) {
        // Sums over the data at every vertex (logisticGrid.ts). |z| ≤ bound on this grid, so a
        // chunk of ⌊600/bound⌋ examples keeps its product below e^600; grids where even one
        // factor could overflow take the point functions.
        let wx = 0;
        let wy = 0;
        for (let i = 0; i < xs.length; i++) wx = Math.max(wx, Math.abs(xs[i]));
        for (let j = 0; j < ys.length; j++) wy = Math.max(wy, Math.abs(ys[j]));
        const bound = wx * maxX1 + wy * maxX2;
        if (!(bound <= 300)) {
          evaluatePoints(this, xs, ys, f, gx, gy);
          return;
        }
        const chunk = Math.max(1, Math.min(16, Math.floor(600 / bound)));
        logisticSums(data, xs, ys, chunk, f, gx, gy);
        for (let j = 0, k = 0; j < ys.length; j++) {
          const w2 = ys[j];
          for (let i = 0; i < xs.length; i++, k++) {
            const w1 = xs[i];
            f[k] = f[k] / n + 0.5 * lambda * (w1 * w1 + w2 * w2);
            gx[k] = gx[k] / n + lambda * w1;
            gy[k] = gy[k] / n + lambda * w2;
          }
        }
      },
      hess(w1, w2, out) {
        let h11 = 0;
        let h12 = 0;
        let h22 = 0;
        for (let i = 0; i < n; i++) {
          const s = sigmoid(-label[i] * (w1 * x1[i] + w2 * x2[i]));
          const v = s * (1 - s);
          h11 += v * x1[i] * x1[i];
          h12 += v * x1[i] * x2[i];
          h22 += v * x2[i] * x2[i];
        }
        out[0] = h11 / n + lambda;
        out[1] = h12 / n;
        out[2] = h22 / n + lambda;
      },
      stochasticGrad(w1, w2, t, out) {
        shuffle.select(t);
        let g1 = 0;
        let g2 = 0;
        for (let k = shuffle.start; k < shuffle.end; k++) {
          const i = order[k];
          const yi = label[i];
          const c = yi * sigmoid(-yi * (w1 * x1[i] + w2 * x2[i]));
          g1 -= c * x1[i];
          g2 -= c * x2[i];
        }
        const m = shuffle.end - shuffle.start;
        out[0] = g1 / m + lambda * w1;
        out[1] = g2 / m + lambda * w2;
      },
    };
  },
  domain: () => ({ ...DOMAIN }),
  start: () => [-2, 2.5],
  criticalPoints(params) {
    // Convex: Newton from the origin finds the unique minimum when there is one (with no L2
    // and separable classes the loss keeps falling towards infinity and there is none).
    const obj = logistic.create(params, { seed: 0 });
    const p = computedPoint(obj, 0, 0, 100);
    return p && p.kind === 'local-min' && insideDomain(DOMAIN, p.x, p.y)
      ? [{ ...p, kind: 'global-min' }]
      : [];
  },
  // Every vertex sums over the whole dataset (logisticGrid.ts), so a redraw costs examples ×
  // vertices: capping the grid at 128² keeps it within a frame or so even with the largest
  // dataset (npm run bench times the data surface grid).
  view: { maxResolution: 128 },
};
