/**
 * The loss along the straight line from a to b (Goodfellow et al. 2015, "Qualitatively
 * characterizing neural network optimization problems"): loss((1 − t)a + t·b) for each t, where
 * t = 0 is a and t = 1 is b (values outside [0, 1] extrapolate the line).
 */
export function lineLosses(
  a: Float64Array,
  b: Float64Array,
  ts: Float64Array,
  loss: (w: Float64Array) => number,
): Float64Array {
  const w = new Float64Array(a.length);
  const out = new Float64Array(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    for (let k = 0; k < w.length; k++) w[k] = (1 - t) * a[k] + t * b[k];
    out[i] = loss(w);
  }
  return out;
}
