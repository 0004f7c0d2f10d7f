import { tanhInPlace } from './tanh.ts';

/**
 * torch's activations, elementwise: the value from the pre-activation z, over a range of an
 * array in place (one call per layer, not per unit: a call per element costs more than relu),
 * and the derivative from the output s = σ(z) as torch's backward computes it (relu' = 1 where
 * s > 0, else 0; tanh' = 1 − s²; sigmoid' = (1 − s)s).
 */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid';

export interface Activation {
  /** v[i] ← σ(v[i]) for from ≤ i < to. */
  apply(v: Float64Array, from: number, to: number): void;
  /** dσ/dz, from the output s = σ(z). */
  slope(s: number): number;
  /** d²σ/dz², from s (for Hessian-vector products). */
  curve(s: number): number;
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  // relu's second derivative is 0 everywhere it exists (autograd's convention at the kink).
  relu: {
    apply: (v, from, to) => {
      for (let i = from; i < to; i++) if (!(v[i] > 0)) v[i] = 0;
    },
    slope: (s) => (s > 0 ? 1 : 0),
    curve: () => 0,
  },
  tanh: { apply: tanhInPlace, slope: (s) => 1 - s * s, curve: (s) => -2 * s * (1 - s * s) },
  sigmoid: {
    apply: (v, from, to) => {
      for (let i = from; i < to; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
    },
    slope: (s) => (1 - s) * s,
    curve: (s) => (1 - s) * s * (1 - 2 * s),
  },
};
