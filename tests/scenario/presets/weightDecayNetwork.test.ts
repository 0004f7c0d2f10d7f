import { describe, expect, it } from 'vitest';
import { norm, roughness, runNetworkPreset, sliceAt, testGap, weightsAt } from './networkLesson.ts';

describe('preset weight-decay-network', () => {
  const out = runNetworkPreset('weight-decay-network');
  const [plain, decayed] = out.results;

  it('weight decay ends with weights several times smaller', () => {
    expect(norm(weightsAt(plain))).toBeGreaterThan(4 * norm(weightsAt(decayed)));
  });

  it('try this: the slice around the decayed weights is smoother', () => {
    expect(roughness(sliceAt(out, 1))).toBeLessThan(0.2 * roughness(out.slice!));
  });

  it('and its test loss stays closer to its training loss', () => {
    expect(testGap(decayed)).toBeLessThan(testGap(plain));
  });

  it('try this: λ = 0.001 leaves over two thirds of the norm, and fits almost as closely', () => {
    const weak = runNetworkPreset('weight-decay-network', (s) => {
      s.runs[1].params.weight_decay = 0.001;
    });
    expect(norm(weightsAt(weak.results[1]))).toBeGreaterThan((2 / 3) * norm(weightsAt(plain)));
    expect(weak.results[1].losses.at(-1)!).toBeLessThan(0.5 * decayed.losses.at(-1)!);
  });

  it('the price: a higher training loss', () => {
    expect(decayed.losses.at(-1)!).toBeGreaterThan(plain.losses.at(-1)!);
  });
});
