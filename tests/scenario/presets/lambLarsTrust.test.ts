import { describe, expect, it } from 'vitest';
import { runNetworkPreset } from './networkLesson.ts';

describe('preset lamb-lars-trust', () => {
  const out = runNetworkPreset('lamb-lars-trust');

  it('LARS and LAMB both train the network', () => {
    for (const r of out.results) {
      expect(r.trainAccuracy).toBeGreaterThan(0.85);
      expect(r.losses.at(-1)!).toBeLessThan(0.5 * r.losses[0]);
    }
  });
});
