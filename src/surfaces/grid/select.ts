/**
 * Order statistics without a full sort. Sorting the 65k values of a 256² grid takes ~5–15 ms;
 * the robust colour range only needs two ranks (2nd and 98th percentile).
 *
 * ranksOfValid narrows by histogram (a radix select on value ranges): one counting pass puts the
 * values in BINS bins between their min and max; one more pass keeps only the bins holding the
 * two ranks; each bin is then refined on its own range until a few values remain, which
 * Floyd–Rivest selection finishes. Two linear scans of the grid in the usual case, instead of a
 * copy plus partitioning passes.
 */
export const BINS = 2048;
/** Candidates left when selection finishes the job. */
const SMALL = 256;
const counts = new Uint32Array(BINS);

/**
 * A valid value's bin: ⌊(v − lo)·scale⌋, the last bin for v = hi. Clamped to the histogram at
 * both ends, so that a lo above the true minimum (a caller's error) miscounts rather than writes
 * elsewhere.
 */
function binOf(v: number, lo: number, scale: number): number {
  const b = ((v - lo) * scale) | 0;
  return b < 0 ? 0 : b < BINS ? b : BINS - 1;
}

/** The histogram of the valid values in BINS bins of width 1/scale from lo. */
function countBins(
  values: Float64Array,
  mask: Uint8Array,
  count: number,
  lo: number,
  scale: number,
): Uint32Array {
  counts.fill(0);
  for (let i = 0; i < count; i++) {
    if (mask[i] !== 0) continue;
    counts[binOf(values[i], lo, scale)]++;
  }
  return counts;
}

/**
 * The valid values of bin binLo to the front of scratch and those of bin binHi to its back,
 * down from index count; into `gathered`: [front count, first back index, front min, front max,
 * back min, back max]. The same arithmetic puts every value in the same bin as when counting.
 */
function gatherBins(
  values: Float64Array,
  mask: Uint8Array,
  count: number,
  lo: number,
  scale: number,
  binLo: number,
  binHi: number,
  scratch: Float64Array,
): void {
  let a = 0;
  let z = count;
  let loA = Infinity;
  let hiA = -Infinity;
  let loZ = Infinity;
  let hiZ = -Infinity;
  for (let i = 0; i < count; i++) {
    if (mask[i] !== 0) continue;
    const v = values[i];
    const b = binOf(v, lo, scale);
    if (b === binLo) {
      scratch[a++] = v;
      if (v < loA) loA = v;
      if (v > hiA) hiA = v;
    } else if (b === binHi) {
      scratch[--z] = v;
      if (v < loZ) loZ = v;
      if (v > hiZ) hiZ = v;
    }
  }
  gathered[0] = a;
  gathered[1] = z;
  gathered[2] = loA;
  gathered[3] = hiA;
  gathered[4] = loZ;
  gathered[5] = hiZ;
}

const gathered = new Float64Array(6);

/**
 * The values of ranks kLo ≤ kHi (0-based, ascending) among values[i] with mask[i] === 0,
 * i < count, into out[0] and out[1]. lo and hi must be those values' exact min and max (every bin
 * index then falls in 0..BINS − 1, and each refinement keeps a strictly narrower range, so it
 * ends). Uses scratch (length ≥ count); the values must be finite.
 */
export function ranksOfValid(
  values: Float64Array,
  mask: Uint8Array,
  count: number,
  kLo: number,
  kHi: number,
  lo: number,
  hi: number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  const scale = BINS / (hi - lo);
  if (!(hi > lo) || !(scale < Infinity)) {
    // All equal, or a range too narrow to split (subnormal width).
    let m = 0;
    for (let i = 0; i < count; i++) if (mask[i] === 0) scratch[m++] = values[i];
    selectPair(scratch, 0, m, kLo, kHi, out);
    return;
  }
  // One counting pass for both ranks, then one pass keeps both bins' values: binLo's at the
  // front of scratch, binHi's at the back.
  const binCounts = countBins(values, mask, count, lo, scale);
  let binLo = 0;
  while (kLo >= binCounts[binLo]) kLo -= binCounts[binLo++];
  let binHi = 0;
  while (kHi >= binCounts[binHi]) kHi -= binCounts[binHi++];
  gatherBins(values, mask, count, lo, scale, binLo, binHi, scratch);
  const a = gathered[0];
  const z = gathered[1];
  if (binLo === binHi) {
    // Both ranks in one bin (a spike stretched the range): select among its values.
    selectPair(scratch, 0, a, kLo, kHi, out);
    return;
  }
  out[0] = refine(scratch, 0, a, kLo, gathered[2], gathered[3]);
  out[1] = refine(scratch, z, count - z, kHi, gathered[4], gathered[5]);
}

/** Rank k among scratch[start, start + m), whose exact min and max are lo and hi. */
function refine(
  scratch: Float64Array,
  start: number,
  m: number,
  k: number,
  lo: number,
  hi: number,
): number {
  for (;;) {
    if (!(hi > lo)) return lo;
    const scale = BINS / (hi - lo);
    if (m <= SMALL || !(scale < Infinity)) {
      selectKth(scratch, start + k, start, start + m - 1);
      return scratch[start + k];
    }
    counts.fill(0);
    const end = start + m;
    for (let i = start; i < end; i++) counts[binOf(scratch[i], lo, scale)]++;
    let bin = 0;
    while (k >= counts[bin]) k -= counts[bin++];
    let w = start;
    const prevLo = lo;
    lo = Infinity;
    hi = -Infinity;
    for (let i = start; i < end; i++) {
      const v = scratch[i];
      if (binOf(v, prevLo, scale) !== bin) continue;
      scratch[w++] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    m = w - start;
  }
}

/** Ranks kLo ≤ kHi of scratch[start, start + m) by selection, into out[0], out[1]. */
function selectPair(
  scratch: Float64Array,
  start: number,
  m: number,
  kLo: number,
  kHi: number,
  out: Float64Array,
): void {
  const last = start + m - 1;
  selectKth(scratch, start + kLo, start, last);
  out[0] = scratch[start + kLo];
  // Everything right of kLo is now ≥ it: the second search needs only that part.
  if (kHi > kLo) selectKth(scratch, start + kHi, start + kLo + 1, last);
  out[1] = scratch[start + kHi];
}

/**
 * The nearest-rank percentile's index: round(p·(m − 1)) in the m sorted values.
 * Nearest rank (no interpolation between neighbours) keeps the result one of the sampled values,
 * so it commutes with any monotone display transform: the percentile of z is z of the percentile.
 */
export function percentileRank(p: number, m: number): number {
  return Math.min(m - 1, Math.max(0, Math.round(p * (m - 1))));
}

/**
 * Rearrange a[left..right] in place so that a[k] holds the value it would hold if that range
 * were sorted, everything before it ≤ a[k] and everything after it ≥ a[k]. No NaN allowed.
 * Floyd–Rivest selection (CACM algorithm 489, 1975): expected linear time.
 */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    // On large ranges, first narrow [left, right] around k by selecting in a small sample
    // whose expected rank brackets k.
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectKth(a, k, newLeft, newRight);
    }
    // Hoare partition around t = a[k].
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
