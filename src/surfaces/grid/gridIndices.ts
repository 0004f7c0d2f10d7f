/**
 * Triangle indices for the n × n GridSample vertex layout (vertex k = j·n + i): two triangles
 * per cell, counter-clockwise seen from +Z, so their front faces point up the way the normals do.
 * Uint16 while the vertices fit (n ≤ 256), else Uint32. Depends on n only: build it once per
 * resolution.
 */
export function gridIndices(n: number): Uint16Array | Uint32Array {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`grid size must be an integer ≥ 2 (got ${n})`);
  const cells = (n - 1) * (n - 1);
  const out = n * n <= 65536 ? new Uint16Array(6 * cells) : new Uint32Array(6 * cells);
  let o = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const a = j * n + i; // (i, j)
      const b = a + 1; // (i+1, j)
      const d = a + n; // (i, j+1)
      const c = d + 1; // (i+1, j+1)
      out[o++] = a;
      out[o++] = b;
      out[o++] = c;
      out[o++] = a;
      out[o++] = c;
      out[o++] = d;
    }
  }
  return out;
}
