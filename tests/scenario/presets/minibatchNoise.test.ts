import { describe, expect, it } from 'vitest';
import {
  dist,
  last,
  lossIncreases,
  mean,
  nearest,
  point,
  runPreset,
  stepLength,
} from './lesson.ts';

describe('preset minibatch-noise', () => {
  const { scenario, results } = runPreset('minibatch-noise');
  const [decayed, constant] = results;
  const full = runPreset('minibatch-noise', (s) => {
    (s.surface as Record<string, unknown>).params = { batch_size: 64 };
  });

  it('uses mini-batches of 8 of the 64 examples', () => {
    const surface = scenario.surface as { params: Record<string, number> };
    expect(surface.params.batch_size).toBe(8);
    expect(surface.params.n_points).toBe(64);
  });

  it('the mini-batch path is noisy: the loss goes up on many steps; full-batch descent never does', () => {
    expect(lossIncreases(constant)).toBeGreaterThan(0.2 * scenario.steps);
    expect(lossIncreases(full.results[1])).toBe(0);
  });

  it('it reaches the minimum but keeps wandering around it; with the full batch it stops on it', () => {
    const min = nearest(scenario, last(full.results[1]));
    expect(min.kind).toBe('global-min');
    expect(min.distance).toBeLessThan(5e-3);
    const m = [min.x, min.y];
    const wander = mean(150, 201, (k) => dist(point(constant, k), m));
    expect(wander).toBeGreaterThan(0.05);
    expect(wander).toBeLessThan(0.4);
  });

  it('dropping the lr tenfold shrinks the steps tenfold and keeps the run nearer the minimum', () => {
    const m = [
      nearest(scenario, last(full.results[1])).x,
      nearest(scenario, last(full.results[1])).y,
    ];
    const steps = (r: typeof constant) => mean(150, 200, (k) => stepLength(r, k));
    expect(steps(decayed)).toBeLessThan(0.2 * steps(constant));
    const near = (r: typeof constant) => mean(150, 201, (k) => dist(point(r, k), m));
    expect(near(decayed)).toBeLessThan(0.7 * near(constant));
  });
});
