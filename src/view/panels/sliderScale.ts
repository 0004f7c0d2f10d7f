import type { NumberParam } from '../../engine/params.ts';

/**
 * How a slider's integer positions map to a parameter's values. Sliders run over positions
 * 0..N (so keyboard arrows move one notch) and the value is rounded to what a person would type:
 * linear sliders move in a 1-2-5 step with about a thousand notches; log sliders move in
 * hundredths of a decade rounded to three significant digits, so exact powers of ten (lr = 1e-3)
 * sit on a notch.
 */
export interface SliderScale {
  /** The last position (the slider runs over 0..positions). */
  positions: number;
  toValue(position: number): number;
  toPosition(value: number): number;
}

/** What a slider needs of a number parameter's spec. */
export type SliderBounds = Pick<
  NumberParam,
  'min' | 'max' | 'sliderMin' | 'sliderMax' | 'log' | 'integer' | 'exclusiveMin' | 'exclusiveMax'
>;

const LOG_NOTCHES_PER_DECADE = 100;
const LINEAR_NOTCHES = 1000;

/** Round to `digits` significant digits (drops float noise such as 0.30000000000000004). */
export const roundSig = (v: number, digits = 3): number =>
  v === 0 || !Number.isFinite(v) ? v : Number(v.toPrecision(digits));

/** The smallest 1, 2 or 5 × 10^k that is at least x (x > 0). */
export function niceStepAtLeast(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) {
    const step = roundSig(m * 10 ** k, 12);
    if (step >= x * (1 - 1e-12)) return step;
  }
  return 10 ** (k + 1);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function sliderScaleOf(b: SliderBounds): SliderScale {
  const hi = b.sliderMax ?? b.max;
  const logLo = b.sliderMin ?? (b.min > 0 ? b.min : hi * 1e-6);
  // Keep slider values valid: an exclusive bound sitting at the slider's end is nudged inward.
  const inside = (v: number, step: number) => {
    if (b.exclusiveMin && v <= b.min) v = b.min + step;
    if (b.exclusiveMax && v >= b.max) v = b.max - step;
    return b.integer ? Math.round(v) : v;
  };

  if (b.log && hi > logLo && logLo > 0) {
    const decades = Math.log10(hi / logLo);
    const positions = Math.max(1, Math.ceil(decades * LOG_NOTCHES_PER_DECADE - 1e-9));
    return {
      positions,
      toValue(p) {
        const v = p >= positions ? hi : roundSig(logLo * 10 ** (p / LOG_NOTCHES_PER_DECADE), 3);
        return inside(clamp(v, logLo, hi), v * 1e-3);
      },
      toPosition(v) {
        if (!(v > logLo)) return 0;
        return clamp(Math.round(Math.log10(v / logLo) * LOG_NOTCHES_PER_DECADE), 0, positions);
      },
    };
  }

  const lo = b.sliderMin ?? b.min;
  const range = Math.max(hi - lo, Number.MIN_VALUE);
  let step = niceStepAtLeast(range / LINEAR_NOTCHES);
  if (b.integer) step = Math.max(1, Math.round(step));
  const positions = Math.max(1, Math.round(range / step));
  return {
    positions,
    toValue(p) {
      const v = p >= positions ? hi : roundSig(lo + p * step, 12);
      return inside(clamp(v, lo, hi), step);
    },
    toPosition(v) {
      if (!Number.isFinite(v)) return 0;
      return clamp(Math.round((v - lo) / step), 0, positions);
    },
  };
}
