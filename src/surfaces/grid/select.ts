/**
 * Order statistics without a full sort: the robust colour range needs only two ranks (the 2nd
 * and 98th percentile) of a grid's values, which Floyd–Rivest selection finds in expected linear
 * time (a fraction of a full sort's: npm run bench).
 */

/**
 * The values of ranks kLo ≤ kHi (0-based, ascending) among values[i] with mask[i] === 0,
 * i < count, into out[0] and out[1]. Uses scratch (length ≥ count); the values must be finite.
 */
export function ranksOfValid(
  values: Float64Array,
  mask: Uint8Array,
  count: number,
  kLo: number,
  kHi: number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  let m = 0;
  for (let i = 0; i < count; i++) if (mask[i] === 0) scratch[m++] = values[i];
  selectPair(scratch, 0, m, kLo, kHi, out);
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
