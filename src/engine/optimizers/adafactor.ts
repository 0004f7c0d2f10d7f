import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { sumSquares } from '../tensor.ts';
import { lrParam, weightDecayParam } from './commonParams.ts';
import { lerp } from './torchOps.ts';

/** torch's eps1 = None: the dtype's machine epsilon, 2⁻⁵² in float64 as the lab computes. */
const FLOAT64_EPS = 2 ** -52;

/**
 * torch.optim.Adafactor (torch ≥ 2.5, `_single_tensor_adafactor`; Shazeer & Stern 2018 without
 * momentum), at step t with β̂₂ₜ = t^beta2_decay, ρₜ = min(lr, 1/√t):
 *   α = max(ε₂, RMS(w))·ρₜ;  w ← w(1 − lr·λ)
 *   matrix [R, C]: r ← lerp(r, rowmean(g²), β̂₂ₜ), c ← lerp(c, colmean(g²), β̂₂ₜ),
 *                  v = r cᵀ / max(mean(r), ε₁)        (factored: R + C numbers, not R·C)
 *   vector:        v ← lerp(v, g², β̂₂ₜ)
 *   u = g / √max(v, ε₁²);  w ← w − α·u / max(1, RMS(u)/d)
 * torch computes the row and column means as squared norms (‖g_row‖²/C), as here.
 */
export const adafactor: OptimizerDef = {
  id: 'adafactor',
  label: 'Adafactor',
  reference: 'torch.optim.Adafactor',
  rule: 'v ≈ r cᵀ/mean(r) (factored per matrix);  w ← w − max(ε₂, RMS(w))·ρₜ · clip(g/√v, d)',
  summary:
    'A memory-light Adam without momentum: a matrix keeps only its row and column means of g², and steps are relative to the weights’ own size (RMS(w)), with the update clipped to RMS d. On a surface’s single vector it is an RMSprop-like relative step.',
  params: [
    lrParam(1e-2),
    numberParam(
      'beta2_decay',
      'beta2 decay',
      'The second-moment average uses weight t^beta2_decay at step t: close to 1 at first (no bias correction needed), forgetting more slowly as training goes on.',
      -0.8,
      -10,
      0,
      { sliderMin: -2, sliderMax: 0 },
    ),
    {
      kind: 'tuple',
      name: 'eps',
      label: 'eps',
      help: 'ε₁ floors the second moment (torch’s default None is the dtype’s machine epsilon, 2⁻⁵² in float64); ε₂ floors RMS(w) so weights at zero still move.',
      default: [FLOAT64_EPS, 1e-3],
      min: 0,
      max: 1,
      itemLabels: ['ε₁', 'ε₂'],
      sliderMin: 0,
      sliderMax: 0.1,
    },
    numberParam(
      'd',
      'clip threshold d',
      'The update is scaled down whenever its RMS exceeds d, so one huge gradient cannot throw the weights.',
      1,
      1,
      1e6,
      { sliderMin: 1, sliderMax: 10 },
    ),
    weightDecayParam(
      'Decoupled decay: the weights shrink by lr·λ each step, separate from the update (as torch’s Adafactor does).',
    ),
  ],
  cycledMomentum: null,
  create(groups) {
    // Per param: row and column factors of a matrix (over its last two dims), or a full v.
    const state = groups.flatMap((g) =>
      g.params.map((p) => {
        const n = p.data.length;
        if (p.shape.length < 2)
          return { rows: 0, cols: 0, r: null, c: null, v: new Float64Array(n) };
        const cols = p.shape[p.shape.length - 1];
        const rows = p.shape[p.shape.length - 2];
        const batch = n / (rows * cols);
        return {
          rows,
          cols,
          r: new Float64Array(batch * rows),
          c: new Float64Array(batch * cols),
          // A matrix's variance estimate r cᵀ/mean(r), rewritten every step.
          v: new Float64Array(n),
        };
      }),
    );
    let step = 0;
    return {
      step() {
        step++;
        let j = 0;
        for (const group of groups) {
          const {
            lr,
            beta2_decay: decay,
            d,
            weight_decay: wd,
          } = group as unknown as Record<string, number>;
          const [eps1, eps2] = group.eps as readonly number[];
          const beta2t = Math.pow(step, decay);
          const rho = Math.min(lr, 1 / Math.pow(step, 0.5));
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad: g } = group.params[pi];
            const s = state[j];
            const n = w.length;
            const alpha = Math.max(eps2, Math.sqrt(sumSquares(w)) / Math.sqrt(n)) * rho;
            if (wd !== 0) for (let i = 0; i < n; i++) w[i] = w[i] * (1 - lr * wd);
            const v = s.v;
            if (s.r && s.c) {
              const { rows, cols, r, c } = s;
              for (let b = 0, at = 0; at < n; b++, at += rows * cols) {
                for (let i = 0; i < rows; i++) {
                  let ss = 0;
                  for (let k = 0; k < cols; k++) ss += g[at + i * cols + k] ** 2;
                  const norm = Math.sqrt(ss);
                  r[b * rows + i] = lerp(r[b * rows + i], (norm * norm) / cols, beta2t);
                }
                for (let k = 0; k < cols; k++) {
                  let ss = 0;
                  for (let i = 0; i < rows; i++) ss += g[at + i * cols + k] ** 2;
                  const norm = Math.sqrt(ss);
                  c[b * cols + k] = lerp(c[b * cols + k], (norm * norm) / rows, beta2t);
                }
                let mean = 0;
                for (let i = 0; i < rows; i++) mean += r[b * rows + i];
                const rowMean = Math.max(mean / rows, eps1);
                for (let i = 0; i < rows; i++)
                  for (let k = 0; k < cols; k++)
                    v[at + i * cols + k] = (r[b * rows + i] * c[b * cols + k]) / rowMean;
              }
            } else {
              for (let i = 0; i < n; i++) v[i] = lerp(v[i], g[i] * g[i], beta2t);
            }
            // u = g/√max(v, ε₁²), formed twice (for its RMS, then the step) to keep no copy.
            const floor = eps1 * eps1;
            let uu = 0;
            for (let i = 0; i < n; i++) {
              const ui = (1 / Math.sqrt(Math.max(v[i], floor))) * g[i];
              uu += ui * ui;
            }
            const scale = -alpha / Math.max(1, Math.sqrt(uu) / (Math.sqrt(n) * d));
            for (let i = 0; i < n; i++)
              w[i] = w[i] + (1 / Math.sqrt(Math.max(v[i], floor))) * g[i] * scale;
          }
        }
      },
    };
  },
};
