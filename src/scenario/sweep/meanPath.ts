/**
 * A seed fan's mean path: at each iterate k the mean [x, y] of the seeds' paths (flat
 * [x0, y0, x1, y1, …]), over the seeds whose path reaches k (a diverged seed's path ends
 * early); as long as the longest path. Paths not computed yet (null) are left out.
 */
export function meanPath(paths: readonly (Float64Array | null)[]): Float64Array {
  const longest = paths.reduce((n, p) => Math.max(n, p ? p.length : 0), 0);
  const sum = new Float64Array(longest);
  const count = new Float64Array(longest / 2);
  for (const p of paths) {
    if (!p) continue;
    for (let i = 0; i < p.length; i++) sum[i] += p[i];
    for (let k = 0; k < p.length / 2; k++) count[k]++;
  }
  for (let i = 0; i < longest; i++) sum[i] /= count[i >> 1];
  return sum;
}
