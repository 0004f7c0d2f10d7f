import type { OptimizerDef } from '../optimizer.ts';
import { StepError } from '../optimizer.ts';
import { learningRateParam } from '../learningRate.ts';
import { numberParam } from '../params.ts';
import { sumSquares } from '../tensor.ts';
import { lrParam, momentumParam } from './commonParams.ts';
import { stateLike } from './paramState.ts';
import { lerp } from './torchOps.ts';

/**
 * torch.optim.Muon (torch ≥ 2.9, `_single_tensor_muon`; Jordan et al. 2024), for 2-D params only:
 *   B ← lerp(B, g, 1 − μ);  U = lerp(g, B, μ) (nesterov) or B;  O = NewtonSchulz₅(U)
 *   w ← w(1 − lr·λ);  w ← w − lr·√max(1, A/B)·O          (A × B the param's shape)
 * Newton–Schulz: X = U/max(‖U‖_F, eps) (transposed if tall), then ns_steps times
 *   X ← aX + (bXXᵀ + c(XXᵀ)²)X, which pushes every singular value towards 1.
 * torch runs Newton–Schulz in bfloat16; the lab, like the fixtures, in float64.
 * On a network, Muon takes the hidden-to-hidden weight matrices and torch.optim.AdamW (its
 * defaults, lr = `adamw_lr`) the first layer, the head and every bias, as Keller Jordan's recipe
 * pairs them (src/scenario/runModelScenario.ts); on a surface its one 1 × 2 matrix is Muon's.
 */
export const muon: OptimizerDef = {
  id: 'muon',
  label: 'Muon',
  reference: 'torch.optim.Muon',
  rule: 'B ← μB + (1−μ)g;  w ← w − η·NewtonSchulz(g + μ(B − g))  (per matrix)',
  summary:
    'Orthogonalises each weight matrix’s momentum, so every direction the matrix can move in gets the same step. On a surface the weights are one 1×2 matrix, whose only singular direction is the momentum itself: Muon reduces to normalised SGD with momentum, every step about lr long.',
  params: [
    lrParam(1e-3),
    numberParam(
      'weight_decay',
      'weight decay',
      'Decoupled decay: the weights shrink by lr·λ each step, as in AdamW (torch’s Muon defaults to 0.1).',
      0.1,
      0,
      1e3,
      { sliderMin: 0, sliderMax: 1 },
    ),
    {
      ...momentumParam('How much of the previous momentum is kept (as a running average, lerp).'),
      default: 0.95,
    },
    {
      kind: 'boolean',
      name: 'nesterov',
      label: 'nesterov',
      help: 'Orthogonalise the look-ahead blend of gradient and momentum rather than the momentum itself.',
      default: true,
    },
    {
      kind: 'tuple',
      name: 'ns_coefficients',
      label: 'NS coefficients',
      help: 'The quintic Newton–Schulz polynomial a·s + b·s³ + c·s⁵ applied to each singular value s: the defaults push s into roughly [0.7, 1.2] in five steps.',
      default: [3.4445, -4.775, 2.0315],
      min: -100,
      max: 100,
      itemLabels: ['a', 'b', 'c'],
      sliderMin: -10,
      sliderMax: 10,
    },
    numberParam(
      'eps',
      'eps',
      'Floor of the Frobenius norm the update is divided by before the iterations.',
      1e-7,
      0,
      1,
      { sliderMin: 1e-12, sliderMax: 1, log: true },
    ),
    numberParam(
      'ns_steps',
      'NS steps',
      'Newton–Schulz iterations per step (torch requires fewer than 100).',
      5,
      0,
      99,
      { integer: true, sliderMin: 0, sliderMax: 20 },
    ),
    {
      kind: 'choice',
      name: 'adjust_lr_fn',
      label: 'lr adjustment',
      help: 'None / "original": lr·√max(1, rows/cols) (Keller Jordan’s); "match_rms_adamw": 0.2·lr·√max(rows, cols), so lr and weight decay can be shared with AdamW (Moonshot AI).',
      default: null,
      choices: [null, 'original', 'match_rms_adamw'],
    },
    // Not torch.optim.Muon's: the lr of the AdamW that a network's other tensors get.
    {
      ...learningRateParam(
        'adamw_lr',
        'AdamW lr',
        'On a network: the learning rate of the AdamW (torch’s defaults otherwise) that trains what Muon does not, the first layer, the output head and every bias. A surface has nothing but Muon’s one matrix, so it is unused there.',
        1e-3,
      ),
      networkOnly: true,
    },
  ],
  cycledMomentum: 'momentum',
  matrices: true,
  check(p) {
    const c = p.ns_coefficients as readonly number[];
    if (c.length !== 3) return 'ns_coefficients: needs exactly three coefficients (a, b, c)';
    return null;
  },
  create(groups) {
    for (const g of groups)
      for (const p of g.params)
        if (p.shape.length !== 2)
          throw new StepError(
            `Muon only supports 2D parameters (torch raises ValueError); this one has shape [${p.shape.join(', ')}]`,
          );
    const buf = stateLike(groups);
    // Scratch per param, allocated once: the update, X, XXᵀ, the polynomial and the product.
    const scratch = groups.flatMap((g) =>
      g.params.map((p) => {
        const [rows, cols] = p.shape;
        const m = Math.min(rows, cols);
        const n = Math.max(rows, cols);
        return {
          u: new Float64Array(rows * cols),
          x: new Float64Array(m * n),
          next: new Float64Array(m * n),
          gram: new Float64Array(m * m),
          poly: new Float64Array(m * m),
        };
      }),
    );
    let stepped = false;
    return {
      step() {
        let j = 0;
        for (const group of groups) {
          const {
            lr,
            weight_decay: wd,
            momentum: mu,
            eps,
          } = group as unknown as Record<string, number>;
          const nsSteps = group.ns_steps as number;
          const [a, b, c] = group.ns_coefficients as readonly number[];
          const nesterov = group.nesterov === true;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad: g, shape } = group.params[pi];
            const [rows, cols] = shape;
            const B = buf[j];
            const s = scratch[j];
            for (let i = 0; i < w.length; i++) {
              B[i] = lerp(B[i], g[i], 1 - mu);
              s.u[i] = nesterov ? lerp(g[i], B[i], mu) : B[i];
            }
            newtonSchulz(s, rows, cols, a, b, c, nsSteps, eps);
            const ratio =
              group.adjust_lr_fn === 'match_rms_adamw'
                ? 0.2 * Math.sqrt(Math.max(rows, cols))
                : Math.sqrt(Math.max(1, rows / cols));
            const adjusted = lr * ratio;
            for (let i = 0; i < w.length; i++) {
              w[i] = w[i] * (1 - lr * wd);
              w[i] = w[i] + -adjusted * s.u[i];
            }
          }
        }
        stepped = true;
      },
      momentum: (i) => (stepped ? buf[i] : null),
    };
  },
};

interface NsScratch {
  u: Float64Array;
  x: Float64Array;
  next: Float64Array;
  gram: Float64Array;
  poly: Float64Array;
}

/**
 * torch's `_zeropower_via_newtonschulz`, in place on s.u (rows × cols, row-major): X is U or Uᵀ,
 * whichever is wide (m × n, m ≤ n), so XXᵀ is the small m × m Gram matrix.
 */
function newtonSchulz(
  s: NsScratch,
  rows: number,
  cols: number,
  a: number,
  b: number,
  c: number,
  steps: number,
  eps: number,
): void {
  const tall = rows > cols;
  const m = tall ? cols : rows;
  const n = tall ? rows : cols;
  const { u, gram, poly } = s;
  let x = s.x;
  let next = s.next;
  const norm = Math.max(Math.sqrt(sumSquares(u)), eps);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < n; k++) x[i * n + k] = (tall ? u[k * cols + i] : u[i * cols + k]) / norm;
  for (let step = 0; step < steps; step++) {
    // G = XXᵀ
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) {
        let sum = 0;
        for (let l = 0; l < n; l++) sum += x[i * n + l] * x[k * n + l];
        gram[i * m + k] = sum;
      }
    // P = bG + cG²  (torch.addmm(G, G, G, beta=b, alpha=c))
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) {
        let sum = 0;
        for (let l = 0; l < m; l++) sum += gram[i * m + l] * gram[l * m + k];
        poly[i * m + k] = b * gram[i * m + k] + c * sum;
      }
    // X ← aX + PX  (torch.addmm(X, P, X, beta=a))
    for (let i = 0; i < m; i++)
      for (let k = 0; k < n; k++) {
        let sum = 0;
        for (let l = 0; l < m; l++) sum += poly[i * m + l] * x[l * n + k];
        next[i * n + k] = a * x[i * n + k] + sum;
      }
    const t = x;
    x = next;
    next = t;
  }
  for (let i = 0; i < m; i++)
    for (let k = 0; k < n; k++) {
      const v = x[i * n + k];
      if (tall) u[k * cols + i] = v;
      else u[i * cols + k] = v;
    }
}
