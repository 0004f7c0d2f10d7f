import type { Domain } from '../surface.ts';
import { fillGridCoords } from './gridSample.ts';

/**
 * Contour lines of a grid field by marching squares, as independent line segments grouped by
 * level (ready for a three.js LineSegments or a 2D canvas).
 *
 * A vertex is "above" a level when its value is > the level. An edge whose ends differ is cut
 * by linear interpolation, always from its lower-index end, so the two cells sharing an edge
 * compute the bit-identical point and the segments chain into closed loops / boundary-to-boundary
 * curves. A saddle cell (two opposite corners above) is resolved by the cell-centre average:
 * the corners whose side differs from the centre's are the ones cut off.
 *
 * Speed: each vertex is first given its bucket, the number of levels below it (a binary search),
 * so a cell's crossed levels are the integers between its corners' smallest and largest bucket.
 * Every cell is visited once for all levels, not once per level.
 */
export interface ContourSet {
  /**
   * Segments (x0, y0, x1, y1) in domain coordinates; only the first 4·segmentCount floats are
   * used (the buffer grows by doubling and is kept between calls).
   */
  segments: Float32Array;
  segmentCount: number;
  /** Level li's segments (li in the order given) are indices levelStart[li] ≤ s < levelStart[li + 1]. */
  levelStart: Uint32Array;
  /** The levels traced, in the order given. */
  levels: Float64Array;
  /** Scratch reused between calls: grid coordinates, per-vertex buckets, per-level output. */
  n: number;
  xs: Float64Array;
  ys: Float64Array;
  bucket: Uint16Array;
  /** The finite levels ascending; slot[li] = the sorted index of given level li (−1: not finite). */
  sorted: Float64Array;
  slot: Int32Array;
  perLevel: Float32Array[];
  perLevelCount: Uint32Array;
}

export interface ContourOptions {
  /** Vertices flagged 1 (e.g. GridSample.mask): cells touching them draw nothing. */
  mask?: Uint8Array;
}

/** Segments of level li as a view into the set's buffer. */
export function levelSegments(set: ContourSet, li: number): Float32Array {
  return set.segments.subarray(4 * set.levelStart[li], 4 * set.levelStart[li + 1]);
}

/** More levels than this would overflow the per-vertex bucket. */
const MAX_LEVELS = 65535;

/**
 * Trace `levels` over an n × n row-major grid of values (vertex k = j·n + i, x along i, y along
 * j, the GridSample layout) spanning `domain`. Values must be finite (GridSample.f and .z are);
 * non-finite levels trace nothing. Pass the previous result as `out` to reuse its buffers.
 */
export function contourLines(
  values: Float32Array | Float64Array,
  n: number,
  domain: Domain,
  levels: ArrayLike<number>,
  options: ContourOptions = {},
  out?: ContourSet,
): ContourSet {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`grid size must be an integer ≥ 2 (got ${n})`);
  if (values.length < n * n) throw new RangeError(`expected ${n * n} values, got ${values.length}`);
  if (levels.length > MAX_LEVELS) throw new RangeError(`at most ${MAX_LEVELS} contour levels`);
  const c = prepare(out, n, levels);
  const { xs, ys, bucket, sorted, perLevelCount } = c;
  fillGridCoords(domain.xMin, domain.xMax, n, xs);
  fillGridCoords(domain.yMin, domain.yMax, n, ys);
  fillBuckets(values, n * n, sorted, bucket);
  perLevelCount.fill(0);
  const mask = options.mask;

  for (let j = 0; j < n - 1; j++) {
    const y0 = ys[j];
    const y1 = ys[j + 1];
    for (let i = 0, k = j * n; i < n - 1; i++, k++) {
      const qa = bucket[k]; // (i, j)
      const qb = bucket[k + 1]; // (i+1, j)
      const qc = bucket[k + n + 1]; // (i+1, j+1)
      const qd = bucket[k + n]; // (i, j+1)
      if (qa === qb && qb === qc && qc === qd) continue; // no level between the corners
      if (mask && (mask[k] | mask[k + 1] | mask[k + n] | mask[k + n + 1]) !== 0) continue;
      const lo = Math.min(qa, qb, qc, qd);
      const hi = Math.max(qa, qb, qc, qd);
      const a = values[k];
      const b = values[k + 1];
      const cc = values[k + n + 1];
      const d = values[k + n];
      const x0 = xs[i];
      const x1 = xs[i + 1];
      // Sorted level s lies between the corners for lo ≤ s < hi; a corner is above it iff its
      // bucket > s.
      for (let s = lo; s < hi; s++) {
        const lv = sorted[s];
        const ua = qa > s;
        const ub = qb > s;
        const uc = qc > s;
        const ud = qd > s;
        // Crossings in the order bottom, right, top, left; m counts floats.
        let m = 0;
        if (ua !== ub) {
          pt[m++] = x0 + ((lv - a) / (b - a)) * (x1 - x0);
          pt[m++] = y0;
        }
        if (ub !== uc) {
          pt[m++] = x1;
          pt[m++] = y0 + ((lv - b) / (cc - b)) * (y1 - y0);
        }
        if (ud !== uc) {
          pt[m++] = x0 + ((lv - d) / (cc - d)) * (x1 - x0);
          pt[m++] = y1;
        }
        if (ua !== ud) {
          pt[m++] = x0;
          pt[m++] = y0 + ((lv - a) / (d - a)) * (y1 - y0);
        }
        if (m === 4) {
          push(c, s, 0, 1);
        } else {
          // Saddle (all four edges cut): a and c on one side, b and d on the other. Cutting
          // off b and d pairs (bottom, right) and (top, left); cutting off a and c pairs
          // (bottom, left) and (right, top).
          const centreAbove = (a + b + cc + d) / 4 > lv;
          if (ub !== centreAbove) {
            push(c, s, 0, 1);
            push(c, s, 2, 3);
          } else {
            push(c, s, 0, 3);
            push(c, s, 1, 2);
          }
        }
      }
    }
  }
  gather(c, levels.length);
  return c;
}

/** Up to four crossing points (x, y) of the current cell. */
const pt = new Float64Array(8);

/** Append the segment between crossings p and q to sorted level s's buffer. */
function push(c: ContourSet, s: number, p: number, q: number): void {
  const ax = pt[2 * p];
  const ay = pt[2 * p + 1];
  const bx = pt[2 * q];
  const by = pt[2 * q + 1];
  // A level through a vertex can give both crossings at that vertex: nothing to draw.
  if (ax === bx && ay === by) return;
  const count = c.perLevelCount[s];
  let buf = c.perLevel[s];
  if (4 * count + 4 > buf.length) {
    const grown = new Float32Array(2 * buf.length);
    grown.set(buf);
    c.perLevel[s] = buf = grown;
  }
  const o = 4 * count;
  buf[o] = ax;
  buf[o + 1] = ay;
  buf[o + 2] = bx;
  buf[o + 3] = by;
  c.perLevelCount[s] = count + 1;
}

/** Copy the per-level buffers into `segments` in the caller's level order. */
function gather(c: ContourSet, levelCount: number): void {
  let total = 0;
  for (let s = 0; s < c.sorted.length; s++) total += c.perLevelCount[s];
  if (4 * total > c.segments.length) {
    let size = Math.max(1024, c.segments.length);
    while (size < 4 * total) size *= 2;
    c.segments = new Float32Array(size);
  }
  let offset = 0;
  for (let li = 0; li < levelCount; li++) {
    c.levelStart[li] = offset;
    const s = c.slot[li];
    if (s < 0) continue;
    const cnt = c.perLevelCount[s];
    c.segments.set(c.perLevel[s].subarray(0, 4 * cnt), 4 * offset);
    offset += cnt;
  }
  c.levelStart[levelCount] = offset;
  c.segmentCount = offset;
}

/** bucket[k] = the number of sorted levels < values[k] (lower bound by binary search). */
function fillBuckets(
  values: Float32Array | Float64Array,
  count: number,
  sorted: Float64Array,
  bucket: Uint16Array,
): void {
  const nl = sorted.length;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    let lo = 0;
    let hi = nl;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    bucket[k] = lo;
  }
}

function prepare(out: ContourSet | undefined, n: number, levels: ArrayLike<number>): ContourSet {
  const c = out ?? emptySet();
  if (c.n !== n) {
    c.n = n;
    c.xs = new Float64Array(n);
    c.ys = new Float64Array(n);
    c.bucket = new Uint16Array(n * n);
  }
  const given = levels.length;
  if (c.levels.length !== given) {
    c.levels = new Float64Array(given);
    c.levelStart = new Uint32Array(given + 1);
    c.slot = new Int32Array(given);
  }
  // Finite levels in ascending order, remembering where each came from.
  const idx: number[] = [];
  for (let li = 0; li < given; li++) {
    c.levels[li] = levels[li];
    c.slot[li] = -1;
    if (Number.isFinite(levels[li])) idx.push(li);
  }
  idx.sort((p, q) => levels[p] - levels[q]);
  const nl = idx.length;
  if (c.sorted.length !== nl) {
    c.sorted = new Float64Array(nl);
    c.perLevelCount = new Uint32Array(nl);
  }
  for (let s = 0; s < nl; s++) {
    c.slot[idx[s]] = s;
    c.sorted[s] = levels[idx[s]];
  }
  while (c.perLevel.length < nl) c.perLevel.push(new Float32Array(1024));
  return c;
}

function emptySet(): ContourSet {
  return {
    segments: new Float32Array(1024),
    segmentCount: 0,
    levelStart: new Uint32Array(1),
    levels: new Float64Array(0),
    n: 0,
    xs: new Float64Array(0),
    ys: new Float64Array(0),
    bucket: new Uint16Array(0),
    sorted: new Float64Array(0),
    slot: new Int32Array(0),
    perLevel: [],
    perLevelCount: new Uint32Array(0),
  };
}
