/**
 * torch's activations, elementwise: the value from the pre-activation z, and the derivative
 * from the output s = σ(z) as torch's backward computes it (relu' = 1 where s > 0, else 0;
 * tanh' = 1 − s²; sigmoid' = (1 − s)s).
 */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid';

export interface Activation {
  value(z: number): number;
  /** dσ/dz, from the output s = value(z). */
  slope(s: number): number;
  /** d²σ/dz², from s (for Hessian-vector products). */
  curve(s: number): number;
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  // relu's second derivative is 0 everywhere it exists (autograd's convention at the kink).
  relu: { value: (z) => (z > 0 ? z : 0), slope: (s) => (s > 0 ? 1 : 0), curve: () => 0 },
  tanh: { value: Math.tanh, slope: (s) => 1 - s * s, curve: (s) => -2 * s * (1 - s * s) },
  sigmoid: {
    value: (z) => 1 / (1 + Math.exp(-z)),
    slope: (s) => (1 - s) * s,
    curve: (s) => (1 - s) * s * (1 - 2 * s),
  },
};
