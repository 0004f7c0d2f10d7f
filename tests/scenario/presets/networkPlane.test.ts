import { describe, expect, it } from 'vitest';
import { runNetworkPreset } from './networkLesson.ts';

describe('preset network-plane', () => {
  const { results, slice } = runNetworkPreset('network-plane');
  const n = slice!.alphas.length;
  const at = (i: number, j: number) => slice!.losses[i * n + j];
  const mid = (n - 1) / 2;

  it('Adam trains the network: the moons are separated', () => {
    expect(results[0].trainAccuracy).toBeGreaterThan(0.95);
    expect(results[0].testAccuracy).toBeGreaterThan(0.9);
  });

  it('the trained weights sit at the bottom of a basin of the plane', () => {
    const min = Math.min(...slice!.losses);
    expect(at(mid, mid)).toBeLessThan(min + 0.01);
    // Every edge of the plane is well above the centre.
    for (let k = 0; k < n; k++)
      for (const v of [at(0, k), at(n - 1, k), at(k, 0), at(k, n - 1)])
        expect(v).toBeGreaterThan(at(mid, mid) + 0.1);
  });

  it('try this: the PCA plane holds most of the path', () => {
    const pca = runNetworkPreset('network-plane', (s) => {
      s.slice.plane = 'pca';
    });
    const [first, second] = pca.slice!.explained!;
    expect(first + second).toBeGreaterThan(0.8);
  });
});
