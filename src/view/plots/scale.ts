import { logTickLabels, tickLabels, type TickLabels } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';
import { logTicks } from './logTicks.ts';

/**
 * A map from data values to pixels along one axis, and back. Outputs are always finite (clamped
 * to a band around the range) so nothing non-finite or absurd reaches the canvas API.
 */
export interface Scale {
  readonly kind: 'linear' | 'log';
  /** Data range [d0, d1] drawn over pixels [r0, r1] (r1 < r0 for an upward y axis). */
  readonly d0: number;
  readonly d1: number;
  readonly r0: number;
  readonly r1: number;
  map(v: number): number;
  invert(px: number): number;
  ticks(count: number): number[];
  /** Labels for ticks from `ticks`, chosen together (see tickLabels). */
  labels(ticks: readonly number[]): TickLabels;
}

/** How far beyond the range (in multiples of its pixel length) map() may go before clamping. */
const BAND = 4;

function clampPx(p: number, r0: number, r1: number): number {
  const len = Math.abs(r1 - r0) || 1;
  const lo = Math.min(r0, r1) - BAND * len;
  const hi = Math.max(r0, r1) + BAND * len;
  // NaN fails both comparisons and lands on lo: callers skip NaN before mapping anyway.
  return p >= lo ? (p <= hi ? p : hi) : lo;
}

export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  if (!(d1 !== d0) || !Number.isFinite(d1 - d0)) {
    // A degenerate range: centre the single value.
    const c = Number.isFinite(d0) ? d0 : 0;
    d0 = c - 1;
    d1 = c + 1;
  }
  const k = (r1 - r0) / (d1 - d0);
  return {
    kind: 'linear',
    d0,
    d1,
    r0,
    r1,
    map: (v) => clampPx(r0 + (v - d0) * k, r0, r1),
    invert: (px) => d0 + (px - r0) / k,
    ticks: (count) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count),
    labels: (t) => tickLabels(t),
  };
}

/**
 * A base-10 log scale over [d0, d1], both > 0. Values ≤ d0 (including 0 and negatives) sit on
 * the d0 end: a log axis has no place for them, and the caller says so in its caption.
 */
export function logScale(d0: number, d1: number, r0: number, r1: number): Scale {
  if (!(d0 > 0) || !Number.isFinite(d0)) d0 = 1e-12;
  if (!(d1 > d0) || !Number.isFinite(d1)) d1 = d0 * 10;
  const l0 = Math.log10(d0);
  const k = (r1 - r0) / (Math.log10(d1) - l0);
  return {
    kind: 'log',
    d0,
    d1,
    r0,
    r1,
    map: (v) => (v > d0 ? clampPx(r0 + (Math.log10(v) - l0) * k, r0, r1) : r0),
    invert: (px) => 10 ** (l0 + (px - r0) / k),
    ticks: (count) => logTicks(d0, d1, count),
    labels: (t) => logTickLabels(t),
  };
}
