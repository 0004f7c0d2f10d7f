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

/** A parameter value as text for the "default …" mark and the typed inputs. */
export function fmtParam(v: ParamValue): string {
  if (v === null) return '= steps';
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
