import { NormalStream } from '../../engine/noise.ts';
import { normalize } from '../../engine/tensor.ts';

/**
 * The sharpness at w: the Hessian's eigenvalue of largest magnitude (at a trained network, the
 * top one, which the edge-of-stability view compares with 2/lr), by power iteration on exact
 * Hessian-vector products from a seeded start. Stops when the Rayleigh quotient changes by
 * less than `tolerance` relative, or after `maxIterations`.
 */
export function topEigenvalue(
  hvp: (v: Float64Array, out: Float64Array) => void,
  n: number,
  { seed = 1, maxIterations = 300, tolerance = 1e-10 } = {},
): { value: number; vector: Float64Array; iterations: number } {
  const rng = new NormalStream(seed);
  let v = new Float64Array(n).map(() => rng.nextNormal());
  let hv = new Float64Array(n);
  normalize(v);
  let value = 0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    hvp(v, hv);
    let q = 0;
    for (let i = 0; i < n; i++) q += v[i] * hv[i];
    const done = iterations > 0 && Math.abs(q - value) <= tolerance * Math.abs(q);
    value = q;
    if (normalize(hv) === 0) break;
    [v, hv] = [hv, v];
    if (done) break;
  }
  return { value, vector: v, iterations };
}
