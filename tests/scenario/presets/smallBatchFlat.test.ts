import { describe, expect, it } from 'vitest';
import { runNetworkPreset, sharpness, testGap, weightsAt } from './networkLesson.ts';

describe('preset small-batch-flat', () => {
  const small = runNetworkPreset('small-batch-flat');
  const large = runNetworkPreset('small-batch-flat', (s) => {
    s.model.batch_size = 200;
  });
  const sharpOf = (o: typeof small) => sharpness(o.built, weightsAt(o.results[0]));

  it('batches of 8 end in a flat minimum, about 1', () => {
    expect(sharpOf(small)).toBeLessThan(1.5);
  });

  it('try this: full batches end at least three times sharper', () => {
    expect(sharpOf(large)).toBeGreaterThan(3 * sharpOf(small));
  });

  it('with a lower training loss but a test–train gap at least twice as wide', () => {
    expect(large.results[0].losses.at(-1)!).toBeLessThan(small.results[0].losses.at(-1)!);
    expect(testGap(large.results[0])).toBeGreaterThan(2 * testGap(small.results[0]));
  });
});
