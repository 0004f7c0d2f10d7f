import { describe, expect, it } from 'vitest';
import { roughness, runNetworkPreset, sharpness, weightsAt } from './networkLesson.ts';

describe('preset residual-smoothing', () => {
  const plain = runNetworkPreset('residual-smoothing');
  const residual = runNetworkPreset('residual-smoothing', (s) => {
    s.model.residual = true;
  });
  const sharpOf = (o: typeof plain) => sharpness(o.built, weightsAt(o.results[0]));

  it('both networks fit the circles (same data and init)', () => {
    expect(residual.built.init).toEqual(plain.built.init);
    expect(plain.results[0].trainAccuracy).toBeGreaterThan(0.95);
    expect(residual.results[0].trainAccuracy).toBeGreaterThan(0.95);
  });

  it('with skip connections the slice’s loss varies less from point to point', () => {
    expect(roughness(residual.slice!)).toBeLessThan(0.8 * roughness(plain.slice!));
  });

  it('and the minimum is about half as sharp', () => {
    expect(sharpOf(residual)).toBeLessThan(0.6 * sharpOf(plain));
  });
});
