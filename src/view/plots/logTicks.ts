import { SUPERSCRIPT } from '../superscript.ts';
import { MAX_LABEL_CHARS, niceTicks, tickLabels, type TickLabels } from '../niceTicks.ts';

/**
 * Ticks and labels for a log axis. Linear axes use niceTicks (src/view/niceTicks.ts).
 */

/** 10^e without the rounding of 10 ** e for negative e (10 ** -3 = 0.0010000000000000002). */
export const pow10 = (e: number): number => (e < 0 ? 1 / 10 ** -e : 10 ** e);

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

/** A log-axis label: plain from 0.01 to 1000, else 10ⁿ for powers of ten and "2e-5" for others. */
export function formatLogTick(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return String(v);
  const e = Math.floor(Math.log10(v) + 1e-9);
  if (e >= -2 && e <= 3) return String(Number(v.toPrecision(6)));
  const m = Number((v / pow10(e)).toPrecision(6));
  if (m === 1) return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
  return `${m}e${e}`;
}

/**
 * Labels for a log axis's ticks: formatLogTick's when they are short and distinct (decades,
 * 1-2-5 values); otherwise (the linear ticks of a narrow range, 0.99992…) tickLabels'.
 */
export function logTickLabels(ticks: readonly number[]): TickLabels {
  const labels = ticks.map(formatLogTick);
  const distinct = new Set(labels).size === labels.length;
  if (distinct && labels.every((l) => l.length <= MAX_LABEL_CHARS)) return { labels, offset: null };
  return tickLabels(ticks);
}
