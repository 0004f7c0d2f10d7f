/**
 * Liang–Barsky line clipping (1984): the part of the segment (x0, y0)–(x1, y1) inside the box
 * [xMin, xMax] × [yMin, yMax], written to out as (x0, y0, x1, y1). Returns false when nothing of
 * it is inside (or an end is not finite).
 *
 * Why: a run that heads off to 1e200 must still be drawn correctly where it crosses the view.
 * Clamping its far end to the box would bend the visible part; clipping keeps the direction.
 * Called for every segment of every trail each frame, so it allocates nothing.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  xMin: number,
  yMin: number,
  xMax: number,
  yMax: number,
  out: Float64Array,
): boolean {
  if (!Number.isFinite(x0) || !Number.isFinite(y0) || !Number.isFinite(x1) || !Number.isFinite(y1))
    return false;
  const dx = x1 - x0;
  const dy = y1 - y0;
  if (!Number.isFinite(dx) || !Number.isFinite(dy))
    return clipHalves(x0, y0, x1, y1, xMin, yMin, xMax, yMax, out);
  t0 = 0;
  t1 = 1;
  // Each edge: p·t ≤ q keeps the point inside.
  if (
    !edge(-dx, x0 - xMin) ||
    !edge(dx, xMax - x0) ||
    !edge(-dy, y0 - yMin) ||
    !edge(dy, yMax - y0)
  )
    return false;
  out[0] = t0 > 0 ? x0 + t0 * dx : x0;
  out[1] = t0 > 0 ? y0 + t0 * dy : y0;
  out[2] = t1 < 1 ? x0 + t1 * dx : x1;
  out[3] = t1 < 1 ? y0 + t1 * dy : y1;
  return true;
}

// The parameter interval still inside, narrowed edge by edge (module scratch: no allocation).
let t0 = 0;
let t1 = 1;

function edge(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const r = q / p;
  if (p < 0) {
    if (r > t1) return false;
    if (r > t0) t0 = r;
  } else {
    if (r < t0) return false;
    if (r < t1) t1 = r;
  }
  return true;
}

/** Ends near ±1.8e308 overflow x1 − x0: clip the two halves (whose differences are finite). */
function clipHalves(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  xMin: number,
  yMin: number,
  xMax: number,
  yMax: number,
  out: Float64Array,
): boolean {
  const mx = x0 / 2 + x1 / 2;
  const my = y0 / 2 + y1 / 2;
  const first = clipSegment(x0, y0, mx, my, xMin, yMin, xMax, yMax, out);
  if (!first) return clipSegment(mx, my, x1, y1, xMin, yMin, xMax, yMax, out);
  const sx = out[0];
  const sy = out[1];
  const ex = out[2];
  const ey = out[3];
  // The first half's start, and the second half's end if it has one, else the first half's.
  if (!clipSegment(mx, my, x1, y1, xMin, yMin, xMax, yMax, out)) {
    out[2] = ex;
    out[3] = ey;
  }
  out[0] = sx;
  out[1] = sy;
  return true;
}
