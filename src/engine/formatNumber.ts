import type { ParamValue } from './params.ts';

/**
 * Numbers as text, everywhere the lab writes one: messages, readouts, parameter values and axis
 * labels. Each place's format is a named function here, built from two roundings.
 */

/** `digits` significant digits, without trailing zeros: 0.1 + 0.2 → "0.3". */
const significant = (v: number, digits: number) => String(Number(v.toPrecision(digits)));

/**
 * Significant digits inside [small, large) in magnitude, exponent form ("1.5e-7") outside;
 * NaN and ±∞ as symbols.
 */
function compact(v: number, digits: number, small: number, large: number, expDigits: number) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= large || a < small) return v.toExponential(expDigits).replace('e+', 'e');
  return significant(v, digits);
}

/** A number for a message: six significant digits, without trailing zeros (NaN, ±Infinity as is). */
export const formatNumber = (v: number): string => significant(v, 6);

/** A point for a message: "(x, y)". */
export const formatPoint = (x: number, y: number): string =>
  `(${formatNumber(x)}, ${formatNumber(y)})`;

/** A number for a readout: four significant digits, exponent form for very large or small. */
export const fmtNum = (v: number, digits = 4): string =>
  compact(v, digits, 1e-4, 1e6, Math.max(0, digits - 2));

/** A point for a readout: "(x, y)". */
export const fmtPoint = (x: number, y: number, digits = 3): string =>
  `(${fmtNum(x, digits)}, ${fmtNum(y, digits)})`;

/**
 * A parameter value as text for the "default …" mark and the typed inputs. null is Python's
 * None where `none` says so (LBFGS's line_search_fn and max_eval), else the run's length.
 */
export function fmtParam(v: ParamValue, none = false): string {
  if (v === null) return none ? 'None' : '= steps';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return v.join(', ');
}

/**
 * Zero out entries that are rounding noise next to the largest one (a rotated eigenvector's
 * 6e-17, an off-diagonal Hessian entry of 1e-16 beside 2), so readouts show the structure.
 */
export function dropNoise<T extends readonly number[]>(values: T, rel = 1e-12): T {
  const big = Math.max(...values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  return values.map((v) => (Math.abs(v) <= rel * big ? 0 : v)) as unknown as T;
}

/** A compact label for a linear axis tick: "0.25", "1.5e4". */
export const formatTick = (v: number): string => compact(v, 4, 1e-3, 1e4, 1);

/**
 * Unicode superscripts, for exponents in plain text: every character that has one in common
 * fonts among those the app writes.
 */
export const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  T: 'ᵀ',
};

/** 10^e without the rounding of 10 ** e for negative e (10 ** -3 = 0.0010000000000000002). */
export const pow10 = (e: number): number => (e < 0 ? 1 / 10 ** -e : 10 ** e);

/** A log-axis label: plain from 0.01 to 1000, else 10ⁿ for powers of ten and "2e-5" for others. */
export function formatLogTick(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return String(v);
  const e = Math.floor(Math.log10(v) + 1e-9);
  if (e >= -2 && e <= 3) return significant(v, 6);
  const m = Number((v / pow10(e)).toPrecision(6));
  if (m === 1) return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
  return `${m}e${e}`;
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
