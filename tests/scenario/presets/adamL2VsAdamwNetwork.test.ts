import { describe, expect, it } from 'vitest';
import { norm, runNetworkPreset, weightsAt } from './networkLesson.ts';

describe('preset adam-l2-vs-adamw-network', () => {
  const out = runNetworkPreset('adam-l2-vs-adamw-network');
  const [adamL2, adamw] = out.results;

  it('the same λ, very different weights: Adam + L2 ends with a norm under half AdamW’s', () => {
    expect(norm(weightsAt(adamL2))).toBeLessThan(0.5 * norm(weightsAt(adamw)));
  });

  it('AdamW fits the moons, Adam + L2 is held back', () => {
    expect(adamw.trainAccuracy).toBeGreaterThan(0.95);
    expect(adamL2.losses.at(-1)!).toBeGreaterThan(3 * adamw.losses.at(-1)!);
  });

  it('try this: with λ = 0.01 Adam’s weights still end smaller than AdamW’s at 0.1', () => {
    const weak = runNetworkPreset('adam-l2-vs-adamw-network', (s) => {
      s.runs[0].params.weight_decay = 0.01;
    });
    expect(norm(weightsAt(weak.results[0]))).toBeLessThan(norm(weightsAt(adamw)));
  });
});
