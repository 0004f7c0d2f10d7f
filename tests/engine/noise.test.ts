import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NormalStream } from '../../src/engine/noise.ts';

/**
 * The gradient-noise generator against an independent implementation: tests/fixtures/noise.json
 * comes from scripts/make_torch_fixtures.py, which rewrites mulberry32 and Box–Muller in Python
 * with explicit 32-bit masks. The u32 stream must match bit for bit; the normals may differ by
 * the last ulp of log/sin/cos between V8 and glibc.
 */
interface NoiseFixture {
  seeds: { seed: number; u32: number[]; normals: number[] }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/noise.json', import.meta.url), 'utf8'),
) as NoiseFixture;

describe('NormalStream matches the Python reimplementation', () => {
  it('has several seeds, including 0 and 2^32 − 1', () => {
    const seeds = fixture.seeds.map((s) => s.seed);
    expect(seeds).toContain(0);
    expect(seeds).toContain(4294967295);
    expect(fixture.seeds.every((s) => s.u32.length >= 64 && s.normals.length >= 64)).toBe(true);
  });

  for (const { seed, u32, normals } of fixture.seeds) {
    it(`seed ${seed}: u32 stream is bit-identical`, () => {
      const stream = new NormalStream(seed);
      const got = u32.map(() => stream.nextU32());
      expect(got).toEqual(u32);
    });

    it(`seed ${seed}: normals agree to 1e-15 relative`, () => {
      const stream = new NormalStream(seed);
      normals.forEach((z, i) => {
        const got = stream.nextNormal();
        const rel = Math.abs(got - z) / Math.abs(z);
        expect(rel, `normal #${i}: got ${got}, expected ${z}`).toBeLessThanOrEqual(1e-15);
      });
    });
  }

  it('a fresh generator from the same seed repeats the sequence', () => {
    const a = new NormalStream(42);
    const b = new NormalStream(42);
    for (let i = 0; i < 10; i++) expect(a.nextNormal()).toBe(b.nextNormal());
  });
});
