import { describe, expect, it } from 'vitest';
import { NormalStream } from '../../../src/engine/noise.ts';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import { percentileRank, ranksOfValid, selectKth } from '../../../src/surfaces/grid/select.ts';
import { hash, objective } from './objectives.ts';

/** The reference: a full sort of the unmasked values, then nearest rank. */
function sortedValid(values: ArrayLike<number>, mask?: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!mask || mask[i] === 0) out.push(values[i]);
  return out.sort((a, b) => a - b);
}

function ranks(values: Float64Array, mask: Uint8Array, kLo: number, kHi: number): number[] {
  const out = new Float64Array(2);
  ranksOfValid(values, mask, values.length, kLo, kHi, new Float64Array(values.length), out);
  return [out[0], out[1]];
}

describe('order statistics', () => {
  const rng = new NormalStream(7);
  const datasets: Record<string, () => number[]> = {
    normal: () => Array.from({ length: 5000 }, () => rng.nextNormal()),
    'heavy ties': () => Array.from({ length: 5000 }, () => Math.round(3 * rng.nextNormal())),
    'one spike': () => [...Array.from({ length: 4000 }, () => rng.nextUniform()), 1e30],
    'spike cluster': () => [
      ...Array.from({ length: 3000 }, () => rng.nextUniform() * 1e-9),
      ...Array.from({ length: 100 }, () => 1e12 + rng.nextUniform()),
    ],
    constant: () => Array.from({ length: 1000 }, () => 4.25),
    'subnormal range': () => Array.from({ length: 800 }, (_, i) => (i % 7) * 5e-324),
    'two values': () => [1, 2],
    single: () => [3],
    'huge range': () => Array.from({ length: 3000 }, () => 3e38 * (2 * rng.nextUniform() - 1)),
  };

  for (const [name, make] of Object.entries(datasets)) {
    it(`ranksOfValid matches a full sort: ${name}`, () => {
      const values = Float64Array.from(make());
      const mask = new Uint8Array(values.length);
      // Mask every 5th value (replaced by garbage the selection must ignore).
      if (values.length > 10)
        for (let i = 0; i < values.length; i += 5) {
          mask[i] = 1;
          values[i] = i % 2 ? 1e300 : -1e300;
        }
      const sorted = sortedValid(values, mask);
      const m = sorted.length;
      const pairs = [
        [0.02, 0.98],
        [0, 1],
        [0.5, 0.5],
        [0.3, 0.31],
      ];
      for (const [p, q] of pairs) {
        const [kLo, kHi] = [percentileRank(p, m), percentileRank(q, m)];
        expect(ranks(values, mask, kLo, kHi)).toEqual([sorted[kLo], sorted[kHi]]);
      }
    });
  }

  it('selectKth places the k-th value and partitions around it', () => {
    const a = Float64Array.from({ length: 3001 }, () => rng.nextNormal());
    const sorted = [...a].sort((x, y) => x - y);
    for (const k of [0, 1, 60, 1500, 2940, 3000]) {
      const b = a.slice();
      selectKth(b, k);
      expect(b[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(b[i]).toBeLessThanOrEqual(b[k]);
      for (let i = k + 1; i < b.length; i++) expect(b[i]).toBeGreaterThanOrEqual(b[k]);
    }
  });

  it('percentileRank is the nearest rank round(p·(m − 1))', () => {
    expect(percentileRank(0.02, 65536)).toBe(1311);
    expect(percentileRank(0.98, 65536)).toBe(64224);
    expect(percentileRank(0.5, 1)).toBe(0);
    expect(percentileRank(1, 10)).toBe(9);
  });
});

describe('sampleGrid robust colour range', () => {
  // Noise with a spike and a NaN hole: the percentiles must skip the hole and ignore the spike.
  const noisy = objective(
    (x, y) => (x < -0.9 ? NaN : Math.abs(x - 0.3) + Math.abs(y) < 0.05 ? 1e6 : hash(x, y)),
    () => [0, 0],
  );
  const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  for (const heightMode of ['linear', 'log'] as const) {
    it(`zLo/zHi are the 2nd/98th percentiles of the valid z (${heightMode})`, () => {
      const n = 200;
      const g = sampleGrid(noisy, domain, n, { heightMode });
      expect(g.stats.nonFinite).toBeGreaterThan(0);
      const zs = sortedValid(g.z, g.mask);
      const fs = sortedValid(g.f, g.mask);
      const m = zs.length;
      expect(m).toBe(n * n - g.stats.nonFinite);
      const [kLo, kHi] = [Math.round(0.02 * (m - 1)), Math.round(0.98 * (m - 1))];
      expect(g.stats.zLo).toBe(zs[kLo]);
      expect(g.stats.zHi).toBe(zs[kHi]);
      expect(g.stats.fLo).toBe(fs[kLo]);
      expect(g.stats.fHi).toBe(fs[kHi]);
      expect(g.stats.zMin).toBe(zs[0]);
      expect(g.stats.zMax).toBe(zs[m - 1]);
      expect(g.stats.fMax).toBe(1e6);
      // The spike does not reach the colour range.
      expect(g.stats.fHi).toBeLessThan(1);
    });
  }
});
