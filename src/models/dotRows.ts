/**
 * out[outOff + r·m + c] = Σₖ x[r·n + k]·y[yOff + c·n + k] (+ bias[bOff + c]) for r < rows,
 * c < m: every row of x against every row of y, both row-major with n columns, each sum in
 * ascending k from 0 and the bias added last.
 *
 * A network's three products are this one: a layer's forward pass (x = its inputs, y = its
 * weight [out, in]), the gradient ∂loss/∂W = gᵀ·h (x = g transposed, y = h transposed) and
 * the backward pass g·W (y = W transposed). Four rows of x against two of y at a time keep
 * eight sums in registers and load each element once for several of them: about twice the
 * speed of one dot product at a time, in V8's scalar code.
 */
export function dotRows(
  x: Float64Array,
  rows: number,
  y: Float64Array,
  yOff: number,
  m: number,
  n: number,
  out: Float64Array,
  outOff: number,
  bias: Float64Array | null,
  bOff: number,
): void {
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const x0 = r * n;
    const x1 = x0 + n;
    const x2 = x1 + n;
    const x3 = x2 + n;
    const o0 = outOff + r * m;
    let c = 0;
    for (; c + 1 < m; c += 2) {
      const ya = yOff + c * n;
      const yb = ya + n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let k = 0; k < n; k++) {
        const u = y[ya + k];
        const v = y[yb + k];
        const p = x[x0 + k];
        const q = x[x1 + k];
        const s = x[x2 + k];
        const t = x[x3 + k];
        a0 += p * u;
        a1 += q * u;
        a2 += s * u;
        a3 += t * u;
        b0 += p * v;
        b1 += q * v;
        b2 += s * v;
        b3 += t * v;
      }
      const ba = bias ? bias[bOff + c] : 0;
      const bb = bias ? bias[bOff + c + 1] : 0;
      const o = o0 + c;
      out[o] = bias ? a0 + ba : a0;
      out[o + 1] = bias ? b0 + bb : b0;
      out[o + m] = bias ? a1 + ba : a1;
      out[o + m + 1] = bias ? b1 + bb : b1;
      out[o + 2 * m] = bias ? a2 + ba : a2;
      out[o + 2 * m + 1] = bias ? b2 + bb : b2;
      out[o + 3 * m] = bias ? a3 + ba : a3;
      out[o + 3 * m + 1] = bias ? b3 + bb : b3;
    }
    for (; c < m; c++) {
      const ya = yOff + c * n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 0; k < n; k++) {
        const u = y[ya + k];
        a0 += x[x0 + k] * u;
        a1 += x[x1 + k] * u;
        a2 += x[x2 + k] * u;
        a3 += x[x3 + k] * u;
      }
      const ba = bias ? bias[bOff + c] : 0;
      const o = o0 + c;
      out[o] = bias ? a0 + ba : a0;
      out[o + m] = bias ? a1 + ba : a1;
      out[o + 2 * m] = bias ? a2 + ba : a2;
      out[o + 3 * m] = bias ? a3 + ba : a3;
    }
  }
  for (; r < rows; r++)
    for (let c = 0; c < m; c++) {
      const xa = r * n;
      const ya = yOff + c * n;
      let a = 0;
      for (let k = 0; k < n; k++) a += x[xa + k] * y[ya + k];
      out[outOff + r * m + c] = bias ? a + bias[bOff + c] : a;
    }
}

/** out[c·rows + r] = x[r·cols + c]: a rows × cols row-major block transposed. */
export function transpose(
  x: Float64Array,
  xOff: number,
  rows: number,
  cols: number,
  out: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const at = xOff + r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = x[at + c];
  }
}
