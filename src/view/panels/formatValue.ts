import type { ParamValue } from '../../engine/params.ts';

/** A number for a readout: four significant digits, exponent form for very large or small. */
export function fmtNum(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(Math.max(0, digits - 2)).replace('e+', 'e');
  return String(Number(v.toPrecision(digits)));
}

/** A parameter value as text for the "default …" mark and the typed inputs. */
export function fmtParam(v: ParamValue): string {
  if (v === null) return '= steps';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return v.join(', ');
}

/** A point as "(x, y)". */
export const fmtPoint = (x: number, y: number, digits = 3): string =>
  `(${fmtNum(x, digits)}, ${fmtNum(y, digits)})`;

/**
 * Zero out entries that are rounding noise next to the largest one (a rotated eigenvector's
 * 6e-17, an off-diagonal Hessian entry of 1e-16 beside 2), so readouts show the structure.
 */
export function dropNoise<T extends readonly number[]>(values: T, rel = 1e-12): T {
  const big = Math.max(...values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  return values.map((v) => (Math.abs(v) <= rel * big ? 0 : v)) as unknown as T;
}
