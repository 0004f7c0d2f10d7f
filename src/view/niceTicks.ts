/**
 * "Nice" axis ticks: about `count` round values (1, 2 or 5 × 10^k apart) covering [min, max].
 * Shared by the 3D axes, the 2D map and the plots.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min) || count < 1) return [];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** A compact label for one value on its own (a colour-bar end, a readout). */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

export interface TickLabels {
  /** One label per tick, in order. */
  labels: string[];
  /**
   * When the ticks share leading digits (a tiny range far from 0: Easom's hole, a zoom): the
   * labels are k and the axis value is `${base} + k·${unit}`; this is that sentence, e.g.
   * "3.14 + k·1e-4". null when the labels are the values.
   */
  offset: string | null;
}

/** The longest label that fits the narrowest place a tick label goes (the plots' 34 px margin). */
export const MAX_LABEL_CHARS = 6;

/** −, not -, as print does; "-0" is 0. */
const minus = (s: string): string => (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−'));

/** Fewest decimals from `from` on (at most 12) that print every value exactly to 1e-6 of step. */
function fixedDigits(values: readonly number[], step: number, from: number): number {
  for (let d = Math.max(0, from); d <= 12; d++)
    if (values.every((v) => Math.abs(Number(v.toFixed(d)) - v) <= step * 1e-6)) return d;
  return 12;
}

/** `1e-4`, `2.5e3`: a power-of-ten style label with the fewest mantissa digits that are exact. */
function sci(v: number, step: number): string {
  if (v === 0) return '0';
  for (let s = 0; s <= 6; s++) {
    const t = v.toExponential(s);
    if (Math.abs(Number(t) - v) <= step * 1e-6) return minus(t.replace('e+', 'e'));
  }
  return minus(v.toExponential(6).replace('e+', 'e'));
}

/**
 * Labels for a whole set of evenly spaced ticks, chosen together so they are short, exact and
 * distinct: plain decimals when they fit in MAX_LABEL_CHARS ("0.25", "−3"); power-of-ten labels
 * for large or tiny magnitudes ("2e4", "5e-6"); and, when the range is tiny next to its
 * distance from 0 (every label would repeat "0.9999" or "3.14"), offset notation: the labels
 * are small integers k and `offset` says what they mean ("3.14 + k·1e-4").
 */
export function tickLabels(ticks: readonly number[], maxChars = MAX_LABEL_CHARS): TickLabels {
  if (ticks.length === 0) return { labels: [], offset: null };
  if (ticks.length === 1) return { labels: [minus(formatTick(ticks[0]))], offset: null };
  let step = Infinity;
  for (let i = 1; i < ticks.length; i++) step = Math.min(step, Math.abs(ticks[i] - ticks[i - 1]));
  if (!(step > 0) || !Number.isFinite(step))
    return { labels: ticks.map((t) => minus(formatTick(t))), offset: null };
  const p = Math.floor(Math.log10(step) + 1e-9);
  const d = fixedDigits(ticks, step, -p);
  // Zero is "0" whatever the others' decimals: "0.00" reads as a rounded value.
  const plain = ticks.map((t) => (t === 0 ? '0' : minus(t.toFixed(d))));
  const fits = (ls: string[]) => ls.every((l) => l.length <= maxChars);
  if (fits(plain)) return { labels: plain, offset: null };

  const big = Math.max(...ticks.map(Math.abs));
  // The values share their leading digits when the range is small next to their size.
  if (step * 20 >= big) {
    const exp = ticks.map((t) => sci(t, step));
    if (fits(exp)) return { labels: exp, offset: null };
  }
  // Offset notation: the roundest base (a multiple of the largest power of ten) no further from
  // the ticks than their span, so "−1 + k·1e-7" rather than "−0.999999 + k·1e-7", and k small.
  const unit = 10 ** p;
  const mid = (ticks[0] + ticks[ticks.length - 1]) / 2;
  const span = Math.abs(ticks[ticks.length - 1] - ticks[0]);
  let base = 0;
  let ks: number[] = [];
  for (let q = p + 15; q >= p; q--) {
    const b = Number((Math.round(mid / 10 ** q) * 10 ** q).toPrecision(15));
    const k = ticks.map((t) => Math.round((t - b) / unit));
    if (Math.abs(b - mid) <= span && k.every((x) => Math.abs(x) <= 99)) {
      base = b;
      ks = k;
      break;
    }
  }
  if (ks.length === 0) return { labels: plain, offset: null };
  const labels = ks.map((k) => minus(String(k)));
  const unitText = p === 0 ? '' : `·1e${p}`;
  const baseText = minus(String(base));
  return { labels, offset: `${baseText} + k${unitText}` };
}
