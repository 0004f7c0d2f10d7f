import { describe, expect, it } from 'vitest';
import { linearScale, logScale } from '../../../src/view/plots/scale.ts';

describe('linearScale', () => {
  it('maps the ends of the range onto the ends of the pixel range and round-trips', () => {
    const s = linearScale(-2, 6, 100, 20);
    expect(s.map(-2)).toBe(100);
    expect(s.map(6)).toBe(20);
    expect(s.map(2)).toBe(60);
    for (const v of [-2, -0.3, 1, 5.99]) expect(s.invert(s.map(v))).toBeCloseTo(v, 12);
  });

  it('clamps far-off values to a finite band around the pixel range', () => {
    const s = linearScale(0, 1, 0, 100);
    expect(s.map(1e300)).toBe(500);
    expect(s.map(-1e300)).toBe(-400);
  });

  it('widens a degenerate range instead of dividing by zero', () => {
    const s = linearScale(3, 3, 0, 100);
    expect(Number.isFinite(s.map(3))).toBe(true);
    expect(s.map(3)).toBe(50);
  });
});

describe('logScale', () => {
  it('spaces decades evenly and round-trips', () => {
    const s = logScale(1e-3, 1e3, 120, 0);
    expect(s.map(1e-3)).toBeCloseTo(120, 9);
    expect(s.map(1)).toBeCloseTo(60, 9);
    expect(s.map(1e3)).toBeCloseTo(0, 9);
    for (const v of [2e-3, 0.5, 42, 999]) expect(s.invert(s.map(v)) / v).toBeCloseTo(1, 12);
  });

  it('puts values ≤ the bottom of the range (0, negatives) on the bottom edge', () => {
    const s = logScale(1e-6, 1, 100, 0);
    expect(s.map(0)).toBe(100);
    expect(s.map(-5)).toBe(100);
    expect(s.map(1e-9)).toBe(100);
  });
});
