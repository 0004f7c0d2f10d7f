import { pow10 } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';

/**
 * Ticks for a log axis (labels: formatLogTick in src/engine/formatNumber.ts). Linear axes use
 * niceTicks (src/view/niceTicks.ts).
 */

/**
 * Ticks for a log axis over [lo, hi] (both > 0): powers of ten, every `stride`-th decade when
 * there are more than `maxCount`; over fewer than three decades, the 1-2-5 values inside; when
 * even those give fewer than two ticks, nice linear ticks.
 */
export function logTicks(lo: number, hi: number, maxCount = 6): number[] {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo > hi) [lo, hi] = [hi, lo];
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  if (e1 - e0 + 1 >= 3) {
    const stride = Math.max(1, Math.ceil((e1 - e0 + 1) / maxCount));
    const out: number[] = [];
    // Multiples of the stride, so the ticks stay put while the range changes a little.
    for (let e = Math.ceil(e0 / stride) * stride; e <= e1; e += stride) out.push(pow10(e));
    return out;
  }
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * pow10(e)).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out.length >= 2 ? out : niceTicks(lo, hi, 3).filter((v) => v > 0);
}
