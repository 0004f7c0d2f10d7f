/**
 * A 32-bit hash of (seed, stream) for seeding independent generators, e.g. one per epoch.
 * mulberry32 (src/engine/noise.ts) seeded with nearby integers gives overlapping, shifted
 * streams, so the pair is first scrambled with murmur3's finaliser.
 */
export function mixSeed(seed: number, stream: number): number {
  return fmix32((seed >>> 0) ^ fmix32((stream + 0x9e3779b9) >>> 0)) >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
