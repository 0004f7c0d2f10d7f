import { weightCount, type Objective } from '../engine/objective.ts';
import { ACTIVATIONS, type ActivationName } from './activations.ts';
import type { Dataset } from './datasets.ts';
import { dotRows, transpose } from './dotRows.ts';

/** The network's architecture, as the scenario's `model` gives it. */
export interface MlpSpec {
  /** Hidden layer widths, input side first (empty: softmax regression). */
  hidden: readonly number[];
  activation: ActivationName;
  /** h ← h + σ(Wh + b) for a hidden layer after the first whose width equals the previous one. */
  residual: boolean;
}

/** The Linear layers in order, input (2) to logits (classes). */
export function mlpLayers(spec: MlpSpec, classes: number): { in: number; out: number }[] {
  const widths = [2, ...spec.hidden, classes];
  return widths.slice(1).map((out, i) => ({ in: widths[i], out }));
}

/** torch's parameter shapes in `model.parameters()` order: each weight [out, in], then its bias. */
export const mlpShapes = (spec: MlpSpec, classes: number): number[][] =>
  mlpLayers(spec, classes).flatMap((l) => [[l.out, l.in], [l.out]]);

/**
 * The multilayer perceptron's softmax cross-entropy as an objective (torch's
 * nn.CrossEntropyLoss, mean over the batch), with its exact gradient by backpropagation:
 *   h₀ = x;  h₁ = σ(W₁h₀ + b₁);  hₗ = hₗ₋₁ + σ(Wₗhₗ₋₁ + bₗ) (residual, equal widths) or σ(…);
 *   logits = W_out h_L + b_out;  loss = mean over the batch of logsumexp(logits) − logits[y]
 * `lossGrad` is over the whole training set (`loss` the same by the forward pass alone);
 * `batchLossGrad(w, t)` over step t's mini-batch, chosen by `batchOf`. Every buffer is sized for
 * the largest batch once: nothing per call.
 */
export class MlpObjective implements Objective {
  readonly shapes: number[][];
  readonly batchLossGrad?: (w: Float64Array, t: number, grad: Float64Array) => number;
  private readonly layers: { in: number; out: number }[];
  private readonly residual: boolean[];
  /** Per layer, row-major (rows × width): σ(z) (logits z for the last), the layer's output h
   * (σ(z) plus the input on a residual layer, else the same array as s), ∂loss/∂h and ∂loss/∂z. */
  private readonly s: Float64Array[];
  private readonly h: Float64Array[];
  private readonly dh: Float64Array[];
  private readonly dz: Float64Array[];
  /** R-operator buffers for hvp (Pearlmutter 1994): R{z}, R{h}, R{∂loss/∂h}, R{∂loss/∂z}. */
  private readonly rz: Float64Array[];
  private readonly rh: Float64Array[];
  private readonly rdh: Float64Array[];
  private readonly rdz: Float64Array[];
  private readonly gradScratch: Float64Array;
  /** Transposed copies for backpropagation's products: ∂loss/∂z, a layer's input, a weight. */
  private readonly gT: Float64Array;
  private readonly hT: Float64Array;
  private readonly wT: Float64Array;
  /** The evaluated examples' inputs, gathered (rows × 2), so every layer reads one array. */
  private readonly input: Float64Array;
  private readonly all: Int32Array;
  private readonly sigma;

  constructor(
    spec: MlpSpec,
    private readonly data: Dataset,
    /** Step t's examples as indices into the data, or null for full-batch training. */
    batchOf: ((t: number) => Int32Array) | null,
    /** The most rows any evaluation will see (the test set's size, say). */
    maxRows = data.n,
  ) {
    this.layers = mlpLayers(spec, data.classes);
    this.shapes = mlpShapes(spec, data.classes);
    const L = this.layers.length;
    this.residual = this.layers.map(
      (l, i) => spec.residual && i > 0 && i < L - 1 && l.in === l.out,
    );
    this.sigma = ACTIVATIONS[spec.activation];
    // Padded to a multiple of 4: the forward pass takes rows four at a time.
    const rows = (Math.max(maxRows, data.n) + 3) & ~3;
    const buffers = () => this.layers.map((l) => new Float64Array(rows * l.out));
    this.s = buffers();
    // A plain layer's output is σ(z) itself: only a residual layer keeps h apart from s.
    this.h = this.s.map((sl, l) => (this.residual[l] ? new Float64Array(sl.length) : sl));
    this.dh = buffers();
    this.dz = buffers();
    this.input = new Float64Array(rows * 2);
    this.rz = buffers();
    this.rh = buffers();
    this.rdh = buffers();
    this.rdz = buffers();
    this.gradScratch = new Float64Array(weightCount(this));
    const widest = Math.max(2, ...this.layers.map((l) => l.out));
    this.gT = new Float64Array(widest * rows);
    this.hT = new Float64Array(widest * rows);
    this.wT = new Float64Array(Math.max(...this.layers.map((l) => l.in * l.out)));
    this.all = Int32Array.from({ length: data.n }, (_, i) => i);
    if (batchOf) this.batchLossGrad = (w, t, grad) => this.evaluate(w, this.data, batchOf(t), grad);
  }

  lossGrad(w: Float64Array, grad: Float64Array): number {
    return this.evaluate(w, this.data, this.all, grad);
  }

  /** The training loss alone: the forward pass, under half of lossGrad's time. */
  loss(w: Float64Array): number {
    return this.evaluate(w, this.data, null, null);
  }

  /**
   * The full training loss's Hessian times v, exactly, by Pearlmutter's R-operator: the
   * directional derivative along v of the forward pass and of backpropagation, which costs
   * about two gradients. For the edge-of-stability view's power iteration on the top eigenvalue.
   */
  hvp(w: Float64Array, v: Float64Array, out: Float64Array): void {
    const { layers, s, h, dh, dz, rz, rh, rdh, rdz, sigma, residual, input } = this;
    const data = this.data;
    const B = data.n;
    const L = layers.length;
    // The forward and backward passes whose derivatives these are.
    this.evaluate(w, data, this.all, this.gradScratch);
    // R-forward: R{z} = V_W h₋ + W R{h₋} + V_b;  R{s} = σ'(z)R{z};  R{h} = R{s} (+ R{h₋}).
    let off = 0;
    for (let l = 0; l < L; l++) {
      const { in: nIn, out: nOut } = layers[l];
      const W = off;
      const b = off + nIn * nOut;
      off = b + nOut;
      const prev = l > 0 ? h[l - 1] : input;
      const rPrev = l > 0 ? rh[l - 1] : null;
      const last = l === L - 1;
      for (let r = 0; r < B; r++)
        for (let o = 0; o < nOut; o++) {
          let z = v[b + o];
          for (let i = 0; i < nIn; i++) {
            z += v[W + o * nIn + i] * prev[r * nIn + i];
            if (rPrev) z += w[W + o * nIn + i] * rPrev[r * nIn + i];
          }
          const k = r * nOut + o;
          rz[l][k] = z;
          const rs = last ? z : sigma.slope(s[l][k]) * z;
          rh[l][k] = residual[l] ? rPrev![r * nIn + o] + rs : rs;
        }
    }
    // R of the cross-entropy's ∂loss/∂logits = (p − y)/B: (diag p − p pᵀ) R{logits} / B.
    const C = layers[L - 1].out;
    const logits = h[L - 1];
    const rLogits = rh[L - 1];
    const rg = rdz[L - 1];
    for (let r = 0; r < B; r++) {
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[r * C + c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(logits[r * C + c] - max);
      let pr = 0;
      for (let c = 0; c < C; c++)
        pr += (Math.exp(logits[r * C + c] - max) / sum) * rLogits[r * C + c];
      for (let c = 0; c < C; c++) {
        const p = Math.exp(logits[r * C + c] - max) / sum;
        rg[r * C + c] = (p * (rLogits[r * C + c] - pr)) / B;
      }
    }
    // R-backward, last layer first.
    for (let l = L - 1; l >= 0; l--) {
      const { in: nIn, out: nOut } = layers[l];
      off -= nIn * nOut + nOut;
      const W = off;
      const b = off + nIn * nOut;
      const prev = l > 0 ? h[l - 1] : input;
      const rPrev = l > 0 ? rh[l - 1] : null;
      const g = dz[l];
      const rgz = rdz[l];
      if (l < L - 1)
        for (let k = 0; k < B * nOut; k++)
          rgz[k] = rdh[l][k] * sigma.slope(s[l][k]) + dh[l][k] * sigma.curve(s[l][k]) * rz[l][k];
      for (let o = 0; o < nOut; o++) {
        let gb = 0;
        for (let r = 0; r < B; r++) gb += rgz[r * nOut + o];
        out[b + o] = gb;
        for (let i = 0; i < nIn; i++) {
          let gw = 0;
          for (let r = 0; r < B; r++) {
            gw += rgz[r * nOut + o] * prev[r * nIn + i];
            if (rPrev) gw += g[r * nOut + o] * rPrev[r * nIn + i];
          }
          out[W + o * nIn + i] = gw;
        }
      }
      if (l === 0) break;
      const rdPrev = rdh[l - 1];
      for (let r = 0; r < B; r++)
        for (let i = 0; i < nIn; i++) {
          let sum = 0;
          for (let o = 0; o < nOut; o++)
            sum += v[W + o * nIn + i] * g[r * nOut + o] + w[W + o * nIn + i] * rgz[r * nOut + o];
          rdPrev[r * nIn + i] = residual[l] ? rdh[l][r * nIn + i] + sum : sum;
        }
    }
  }

  /**
   * The share of a dataset's examples whose largest logit is their label's (the first largest,
   * as torch's argmax), after a forward pass.
   */
  accuracyOn(w: Float64Array, data: Dataset): number {
    this.evaluate(w, data, null, null);
    const C = this.layers[this.layers.length - 1].out;
    const logits = this.h[this.layers.length - 1];
    let right = 0;
    for (let r = 0; r < data.n; r++) {
      let best = 0;
      for (let c = 1; c < C; c++) if (logits[r * C + c] > logits[r * C + best]) best = c;
      if (best === data.y[r]) right++;
    }
    return right / data.n;
  }

  /**
   * Each example's predicted class (the first largest logit, as torch's argmax) into `classes`
   * and its softmax probability into `confidence`: what a decision-boundary picture colours.
   * `data.n` must not exceed the rows the objective was made for (its data or `maxRows`).
   */
  predictOn(w: Float64Array, data: Dataset, classes: Uint8Array, confidence: Float64Array): void {
    this.evaluate(w, data, null, null);
    const C = this.layers[this.layers.length - 1].out;
    const logits = this.h[this.layers.length - 1];
    for (let r = 0; r < data.n; r++) {
      let best = 0;
      for (let c = 1; c < C; c++) if (logits[r * C + c] > logits[r * C + best]) best = c;
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(logits[r * C + c] - logits[r * C + best]);
      classes[r] = best;
      confidence[r] = 1 / sum;
    }
  }

  /** The mean cross-entropy over all of another dataset (the test set), without a gradient. */
  lossOn(w: Float64Array, data: Dataset): number {
    return this.evaluate(w, data, null, null);
  }

  private evaluate(
    w: Float64Array,
    data: Dataset,
    idx: Int32Array | null,
    grad: Float64Array | null,
  ): number {
    const { layers, s, h, dh, dz, sigma, residual, input, gT, hT, wT } = this;
    const B = idx ? idx.length : data.n;
    const L = layers.length;
    const x = data.x;
    // dotRows takes rows four at a time: B is padded to a multiple of 4 with zero inputs, whose
    // outputs nothing reads.
    const B4 = (B + 3) & ~3;
    for (let r = 0; r < B4; r++) {
      const e = r < B ? (idx ? idx[r] : r) : -1;
      input[2 * r] = e >= 0 ? x[2 * e] : 0;
      input[2 * r + 1] = e >= 0 ? x[2 * e + 1] : 0;
    }
    // Forward: z = h₋Wᵀ + b into s, then σ in place (h is s itself but on a residual layer).
    let off = 0;
    for (let l = 0; l < L; l++) {
      const { in: nIn, out: nOut } = layers[l];
      const W = off;
      const b = off + nIn * nOut;
      off = b + nOut;
      const prev = l > 0 ? h[l - 1] : input;
      const sl = s[l];
      dotRows(prev, B4, w, W, nOut, nIn, sl, 0, w, b);
      if (l === L - 1) break;
      sigma.apply(sl, 0, B4 * nOut);
      if (residual[l]) {
        const hl = h[l];
        for (let k = 0; k < B4 * nOut; k++) hl[k] = prev[k] + sl[k];
      }
    }
    // Cross-entropy as torch's log_softmax: z − max − log Σ exp(z − max), mean over the batch.
    const C = layers[L - 1].out;
    const logits = h[L - 1];
    const dLogits = dz[L - 1];
    let total = 0;
    for (let r = 0; r < B; r++) {
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[r * C + c]);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(logits[r * C + c] - max);
      const logSum = Math.log(sum);
      const label = data.y[idx ? idx[r] : r];
      total += -(logits[r * C + label] - max - logSum);
      if (grad)
        for (let c = 0; c < C; c++)
          dLogits[r * C + c] =
            (Math.exp(logits[r * C + c] - max - logSum) - (c === label ? 1 : 0)) / B;
    }
    const loss = total / B;
    if (!grad) return loss;

    // Backward, last layer first.
    for (let l = L - 1; l >= 0; l--) {
      const { in: nIn, out: nOut } = layers[l];
      off -= nIn * nOut + nOut;
      const W = off;
      const b = off + nIn * nOut;
      const prev = l > 0 ? h[l - 1] : input;
      const g = dz[l];
      if (l < L - 1) {
        const d = dh[l];
        const sl = s[l];
        for (let k = 0; k < B * nOut; k++) g[k] = d[k] * sigma.slope(sl[k]);
      }
      // ∂loss/∂W = gᵀ h₋ and ∂loss/∂b = Σ g, each a sum over the rows in order.
      transpose(g, 0, B, nOut, gT);
      transpose(prev, 0, B, nIn, hT);
      dotRows(gT, nOut, hT, 0, nIn, B, grad, W, null, 0);
      for (let o = 0; o < nOut; o++) {
        let gb = 0;
        for (let r = 0; r < B; r++) gb += gT[o * B + r];
        grad[b + o] = gb;
      }
      if (l === 0) break;
      // ∂loss/∂h of the layer below: g W, plus the identity branch on a residual layer.
      transpose(w, W, nOut, nIn, wT);
      const dPrev = dh[l - 1];
      dotRows(g, B, wT, 0, nIn, nOut, dPrev, 0, null, 0);
      if (residual[l]) {
        const d = dh[l];
        for (let k = 0; k < B * nIn; k++) dPrev[k] = d[k] + dPrev[k];
      }
    }
    return loss;
  }
}
