import { describe, expect, it } from 'vitest';
import { roughness, runNetworkPreset, sharpness, sliceAt, weightsAt } from './networkLesson.ts';

describe('preset sam-network', () => {
  const out = runNetworkPreset('sam-network');
  const [gd, sam] = out.results;

  it('both runs fit the data', () => {
    expect(gd.trainAccuracy).toBeGreaterThan(0.85);
    expect(sam.trainAccuracy).toBeGreaterThan(0.85);
  });

  it('SAM ends where the top Hessian eigenvalue is several times smaller', () => {
    expect(sharpness(out.built, weightsAt(gd))).toBeGreaterThan(
      3 * sharpness(out.built, weightsAt(sam)),
    );
  });

  it('try this: the slice centred at SAM’s end is smoother than at gradient descent’s', () => {
    expect(roughness(sliceAt(out, 1))).toBeLessThan(0.6 * roughness(sliceAt(out, 0)));
  });
});
