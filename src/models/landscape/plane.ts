/**
 * A 2-D slice of the loss through weight space: w(α, β) = center + α·d₁ + β·d₂. The grid runs
 * over `resolution` evenly spaced values of each coordinate in [−span, span].
 */
export interface Plane {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
}

/** `resolution` evenly spaced values from −span to span (both included). */
export function gridAxis(span: number, resolution: number): Float64Array {
  const out = new Float64Array(resolution);
  for (let i = 0; i < resolution; i++)
    out[i] = resolution === 1 ? 0 : -span + (2 * span * i) / (resolution - 1);
  return out;
}

/**
 * losses[i·β.length + j] = loss(center + alphas[i]·d₁ + betas[j]·d₂), row-major with α slowest
 * (the scenario's `slice.losses[i][j]`), reusing one weight buffer.
 */
export function planeLosses(
  plane: Plane,
  alphas: Float64Array,
  betas: Float64Array,
  loss: (w: Float64Array) => number,
): Float64Array {
  return planeRows(plane, alphas, betas, 0, alphas.length, loss);
}

/**
 * Rows from ≤ i < to of planeLosses (to − from rows of β.length losses): the unit a pool of
 * workers splits a plane into, or one worker between its progress reports. Every point is
 * computed alone, so the rows concatenated are planeLosses bit for bit however they are split.
 */
export function planeRows(
  plane: Plane,
  alphas: Float64Array,
  betas: Float64Array,
  from: number,
  to: number,
  loss: (w: Float64Array) => number,
): Float64Array {
  const { center, d1, d2 } = plane;
  const w = new Float64Array(center.length);
  const out = new Float64Array((to - from) * betas.length);
  for (let i = from; i < to; i++)
    for (let j = 0; j < betas.length; j++) {
      const a = alphas[i];
      const b = betas[j];
      for (let k = 0; k < w.length; k++) w[k] = center[k] + a * d1[k] + b * d2[k];
      out[(i - from) * betas.length + j] = loss(w);
    }
  return out;
}

/**
 * A point's coordinates in the plane, (α, β) minimising ‖w − center − αd₁ − βd₂‖ (the 2 × 2
 * normal equations: d₁, d₂ need not be orthogonal), and that residual distance: how far off the
 * plane the point is, which a projected path hides.
 */
export function projectOntoPlane(
  plane: Plane,
  w: ArrayLike<number>,
  out: { alpha: number; beta: number; distance: number },
): void {
  const { center, d1, d2 } = plane;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let k = 0; k < center.length; k++) {
    const v = w[k] - center[k];
    a11 += d1[k] * d1[k];
    a12 += d1[k] * d2[k];
    a22 += d2[k] * d2[k];
    b1 += d1[k] * v;
    b2 += d2[k] * v;
  }
  const det = a11 * a22 - a12 * a12;
  const alpha = det !== 0 ? (b1 * a22 - b2 * a12) / det : a11 > 0 ? b1 / a11 : 0;
  const beta = det !== 0 ? (a11 * b2 - a12 * b1) / det : 0;
  let r = 0;
  for (let k = 0; k < center.length; k++) {
    const e = w[k] - center[k] - alpha * d1[k] - beta * d2[k];
    r += e * e;
  }
  out.alpha = alpha;
  out.beta = beta;
  out.distance = Math.sqrt(r);
}

/**
 * The plane through three points (Garipov et al. 2018's picture of two solutions and a start):
 * centred at a, d₁ = b − a, d₂ = the part of c − a orthogonal to d₁, so that a = (0, 0),
 * b = (1, 0) and c lies at (its projection on d₁, 1).
 */
export function planeThroughPoints(a: Float64Array, b: Float64Array, c: Float64Array): Plane {
  const d1 = new Float64Array(a.length);
  const d2 = new Float64Array(a.length);
  let dd = 0;
  let cd = 0;
  for (let k = 0; k < a.length; k++) {
    d1[k] = b[k] - a[k];
    dd += d1[k] * d1[k];
    cd += (c[k] - a[k]) * d1[k];
  }
  const p = dd > 0 ? cd / dd : 0;
  for (let k = 0; k < a.length; k++) d2[k] = c[k] - a[k] - p * d1[k];
  return { center: Float64Array.from(a), d1, d2 };
}
