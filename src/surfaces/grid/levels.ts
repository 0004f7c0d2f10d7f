import type { GridStats } from './gridSample.ts';

/**
 * Contour levels. Levels are strictly inside (min, max): a level at the minimum would trace a
 * single point, one at the maximum nothing at all.
 */

/** `count` evenly spaced levels strictly between min and max: min + (max − min)·k/(count + 1). */
export function linearLevels(min: number, max: number, count: number): number[] {
  if (!usable(min, max, count)) return [];
  const out: number[] = [];
  for (let k = 1; k <= count; k++) out.push(min + ((max - min) * k) / (count + 1));
  return out;
}

/** Log levels span at most this many decades: below that, the lines would crowd one point. */
const MAX_DECADES = 6;

/**
 * `count` log-spaced levels strictly between min and max, for surfaces whose range spans
 * decades (Goldstein–Price: 3 to 1e6), where even levels would all crowd the walls.
 *   - min > (max − min)·1e-6: geometric, min·(max/min)^(k/(count + 1)), a constant ratio;
 *   - otherwise (min near 0, or ≤ 0): geometric in the offset value f − min + δ with
 *     δ = (max − min)·1e-6, so the levels cover six decades above the minimum.
 * The two cases meet at min = δ, so the levels move continuously with min: a grid that happens
 * to contain the exact minimum 0 gets the same lines as one that misses it by 1e-12.
 */
export function logLevels(min: number, max: number, count: number): number[] {
  if (!usable(min, max, count)) return [];
  const floor = (max - min) * 10 ** -MAX_DECADES;
  const shift = min > floor ? 0 : floor - min;
  const lo = Math.log(min + shift);
  const hi = Math.log(max + shift);
  const out: number[] = [];
  for (let k = 1; k <= count; k++) {
    const v = Math.exp(lo + ((hi - lo) * k) / (count + 1)) - shift;
    // Guard against rounding producing a duplicate or an endpoint on tiny spans.
    if (v > min && v < max && (out.length === 0 || v > out[out.length - 1])) out.push(v);
  }
  return out;
}

/**
 * Levels of f for a sampled grid.
 *   - 'linear': over [fMin, fHi] (fHi the 98th percentile): the basin, where the optimizers
 *     are, gets all the lines; a spike in a corner gets none instead of taking them all.
 *   - 'log': over [fMin, fMax]: log spacing already copes with the full range.
 * Contour GridSample.f with these; heightOf(level) gives each line's height on the mesh.
 */
export function levelsFor(stats: GridStats, count: number, mode: 'linear' | 'log'): number[] {
  if (mode === 'log') return logLevels(stats.fMin, stats.fMax, count);
  const top = stats.fHi > stats.fMin ? stats.fHi : stats.fMax;
  return linearLevels(stats.fMin, top, count);
}

function usable(min: number, max: number, count: number): boolean {
  return Number.isFinite(min) && Number.isFinite(max) && max > min && count >= 1;
}
