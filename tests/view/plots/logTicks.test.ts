import { describe, expect, it } from 'vitest';
import { formatLogTick, pow10 } from '../../../src/engine/formatNumber.ts';
import { logTicks } from '../../../src/view/plots/logTicks.ts';

describe('logTicks', () => {
  it('gives every power of ten inside a range of a few decades', () => {
    expect(logTicks(0.003, 2000)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
  });

  it('thins to every k-th decade, aligned to multiples of k, when there are many', () => {
    // 19 decades, at most 6 ticks: every 4th decade.
    expect(logTicks(1e-12, 1e6, 6)).toEqual([1e-12, 1e-8, 1e-4, 1, 1e4]);
  });

  it('uses 1-2-5 values over less than three decades, all inside the range', () => {
    const t = logTicks(0.15, 7);
    expect(t).toEqual([0.2, 0.5, 1, 2, 5]);
  });

  it('falls back to nice linear ticks inside a narrow range', () => {
    const t = logTicks(3.1, 3.9);
    expect(t.length).toBeGreaterThanOrEqual(2);
    for (const v of t) {
      expect(v).toBeGreaterThanOrEqual(3.1);
      expect(v).toBeLessThanOrEqual(3.9);
    }
  });

  it('returns nothing for ranges a log axis cannot show', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(-1, 10)).toEqual([]);
    expect(logTicks(1, Infinity)).toEqual([]);
  });

  it('produces exact powers of ten for negative exponents', () => {
    expect(pow10(-3)).toBe(0.001);
    expect(pow10(-7)).toBe(1e-7);
    expect(pow10(4)).toBe(10000);
  });
});

describe('formatLogTick', () => {
  it('prints plain numbers from 0.01 to 1000 and powers of ten beyond', () => {
    expect(formatLogTick(0.01)).toBe('0.01');
    expect(formatLogTick(1000)).toBe('1000');
    expect(formatLogTick(1e-6)).toBe('10⁻⁶');
    expect(formatLogTick(1e12)).toBe('10¹²');
    expect(formatLogTick(2e-5)).toBe('2e-5');
  });
});
