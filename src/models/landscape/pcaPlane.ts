import type { Plane } from './plane.ts';
import { normalize } from '../../engine/tensor.ts';

/** The PCA plane of some iterates, and the share of their variance each direction explains. */
export interface PcaPlane extends Plane {
  /** λ₁/Σλ and λ₂/Σλ: how much of the paths' spread the picture can show at all. */
  explained: [number, number];
}

const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-12;

/**
 * The plane of the top two principal directions of the iterates' offsets from `center`, as Li
 * et al. 2018 (§7) draw optimizer paths: the offsets w_k − center, centred on their mean as PCA
 * does, then the top two right singular vectors, found by orthogonal (block power) iteration
 * on YᵀY without forming it (O(m·n) a sweep for m iterates of n weights). d₁, d₂ are unit
 * vectors, orthogonal, each with its largest entry positive (a sign, like PCA's, is arbitrary).
 *
 * iterates: m points, flat (m × n).
 */
export function pcaPlane(iterates: Float64Array, n: number, center: Float64Array): PcaPlane {
  const m = iterates.length / n;
  const mean = new Float64Array(n);
  for (let k = 0; k < m; k++)
    for (let i = 0; i < n; i++) mean[i] += (iterates[k * n + i] - center[i]) / m;
  const y = (k: number, i: number) => iterates[k * n + i] - center[i] - mean[i];
  let total = 0;
  for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) total += y(k, i) * y(k, i);

  // Start from the two iterates' offsets with the largest norms (never orthogonal to the top
  // directions unless the data are), then iterate V ← orth(YᵀY V).
  const v = [new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    v[0][i] = y(m - 1, i) + 1e-3 * ((i % 7) - 3);
    v[1][i] = y(0, i) + 1e-3 * ((i % 5) - 2);
  }
  orthonormalize(v);
  const yv = new Float64Array(m);
  const next = [new Float64Array(n), new Float64Array(n)];
  const lambda = [0, 0];
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    for (let j = 0; j < 2; j++) {
      for (let k = 0; k < m; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += y(k, i) * v[j][i];
        yv[k] = s;
      }
      next[j].fill(0);
      for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) next[j][i] += y(k, i) * yv[k];
      let l = 0;
      for (let i = 0; i < n; i++) l += next[j][i] * v[j][i];
      lambda[j] = l;
    }
    orthonormalize(next);
    let change = 0;
    for (let j = 0; j < 2; j++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += next[j][i] * v[j][i];
      change = Math.max(change, 1 - Math.abs(d));
      v[j].set(next[j]);
    }
    if (change < TOLERANCE) break;
  }
  for (const d of v) {
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(d[i]) > Math.abs(big)) big = d[i];
    if (big < 0) for (let i = 0; i < n; i++) d[i] = -d[i];
  }
  const share = (l: number) => (total > 0 ? l / total : 0);
  return {
    center: Float64Array.from(center),
    d1: v[0],
    d2: v[1],
    explained: [share(lambda[0]), share(lambda[1])],
  };
}

/** Gram–Schmidt on two vectors, in place (a zero vector stays zero). */
function orthonormalize(v: Float64Array[]): void {
  const [a, b] = v;
  normalize(a);
  let p = 0;
  for (let i = 0; i < a.length; i++) p += a[i] * b[i];
  for (let i = 0; i < a.length; i++) b[i] -= p * a[i];
  normalize(b);
}
