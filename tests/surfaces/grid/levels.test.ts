import { describe, expect, it } from 'vitest';
import { levelsFor, linearLevels, logLevels } from '../../../src/surfaces/grid/levels.ts';
import type { GridStats } from '../../../src/surfaces/grid/gridSample.ts';

function expectIncreasing(levels: number[], min: number, max: number): void {
  for (let i = 0; i < levels.length; i++) {
    expect(levels[i]).toBeGreaterThan(i === 0 ? min : levels[i - 1]);
    expect(levels[i]).toBeLessThan(max);
  }
}

describe('contour levels', () => {
  it('linearLevels: evenly spaced, strictly inside the range', () => {
    expect(linearLevels(0, 10, 4)).toEqual([2, 4, 6, 8]);
    expect(linearLevels(-1, 1, 1)).toEqual([0]);
    const l = linearLevels(3, 1e6, 20);
    expect(l).toHaveLength(20);
    expectIncreasing(l, 3, 1e6);
  });

  it('logLevels (min > 0): geometric between min and max — Goldstein–Price 3..1e6', () => {
    const l = logLevels(3, 1e6, 20);
    expect(l).toHaveLength(20);
    expectIncreasing(l, 3, 1e6);
    const r = (1e6 / 3) ** (1 / 21);
    expect(l[0]).toBeCloseTo(3 * r, 9);
    for (let i = 1; i < l.length; i++) expect(l[i] / l[i - 1]).toBeCloseTo(r, 10);
    expect(l[19] * r).toBeCloseTo(1e6, 3);
  });

  it('logLevels (min near or below 0): geometric in f − min + (max − min)·1e-6', () => {
    for (const min of [0, -50, 1e-9]) {
      const max = 1e4;
      const l = logLevels(min, max, 8);
      expect(l).toHaveLength(8);
      expectIncreasing(l, min, max);
      const delta = (max - min) * 1e-6;
      const base = l.map((v) => v - min + delta);
      const r = ((max - min + delta) / delta) ** (1 / 9);
      expect(base[0]).toBeCloseTo(delta * r, 9);
      for (let i = 1; i < base.length; i++) expect(base[i] / base[i - 1]).toBeCloseTo(r, 8);
    }
  });

  it('logLevels moves continuously with min (no jump where the offset starts)', () => {
    const at = (min: number) => logLevels(min, 100, 6);
    const edge = 100e-6 / (1 + 1e-6); // the offset starts where min = (max − min)·1e-6
    const below = at(edge * (1 - 1e-7));
    const above = at(edge * (1 + 1e-7));
    below.forEach((v, i) => expect(above[i] / v).toBeCloseTo(1, 6));
    at(0).forEach((v, i) => expect(at(1e-12)[i]).toBeCloseTo(v, 9));
  });

  it('degenerate input gives no levels rather than NaN', () => {
    for (const fn of [linearLevels, logLevels]) {
      expect(fn(1, 1, 5)).toEqual([]);
      expect(fn(2, 1, 5)).toEqual([]);
      expect(fn(0, 1, 0)).toEqual([]);
      expect(fn(NaN, 1, 3)).toEqual([]);
      expect(fn(0, Infinity, 3)).toEqual([]);
    }
    // A span too small to split keeps only distinct interior levels.
    const tiny = logLevels(1, 1 + 2e-16, 10);
    expectIncreasing(tiny, 1, 1 + 2e-16);
  });

  it('levelsFor: linear up to the 98th percentile, log over the full range', () => {
    const stats: GridStats = {
      fMin: 0,
      fMax: 1e6,
      zMin: 0,
      zMax: 1e6,
      zLo: 1,
      zHi: 100,
      fLo: 1,
      fHi: 100,
      nonFinite: 0,
    };
    expect(levelsFor(stats, 4, 'linear')).toEqual([20, 40, 60, 80]);
    expect(levelsFor(stats, 5, 'log')).toEqual(logLevels(0, 1e6, 5));
    // A grid whose 98th percentile is its minimum still gets lines.
    expect(levelsFor({ ...stats, fHi: 0 }, 1, 'linear')).toEqual([5e5]);
  });
});
