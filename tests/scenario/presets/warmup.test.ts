import { describe, expect, it } from 'vitest';
import { last, lastLoss, nearest, point, runPreset } from './lesson.ts';

describe('preset warmup', () => {
  const { scenario, results } = runPreset('warmup');
  const [plain, warm] = results;

  it('both runs use the same learning rate', () => {
    expect(scenario.runs[0].params.lr).toBe(scenario.runs[1].params.lr);
    expect(warm.lrs[0]).toBeCloseTo(0.01 * (scenario.runs[1].params.lr as number), 15);
  });

  it('without warmup the run blows up within a few steps', () => {
    expect(plain.divergedAt).not.toBeNull();
    expect(plain.divergedAt!).toBeLessThan(10);
    expect(plain.stop?.reason).toBe('diverged');
  });

  it('with warmup it stays finite and converges to the minimum', () => {
    expect(warm.divergedAt).toBeNull();
    expect(warm.points).toBe(scenario.steps + 1);
    expect(lastLoss(warm)).toBeLessThan(1e-8);
  });

  it('the warmup itself is what saves it: a one-step warmup blows up too', () => {
    const { results: short } = runPreset('warmup', (s) => {
      s.runs = [s.runs[1]];
      (
        (s.runs[0].schedule as Record<string, unknown>).params as Record<string, number>
      ).total_iters = 1;
    });
    expect(short[0].divergedAt).not.toBeNull();
  });

  it('with warmup it first rests in the side well by the start, then drops into the central basin', () => {
    const side = nearest(scenario, point(warm, 25));
    expect(side.kind).toBe('local-min');
    expect(side.distance).toBeLessThan(0.1);
    const end = nearest(scenario, last(warm));
    expect(end.kind).toBe('global-min');
    expect(end.distance).toBeLessThan(1e-6);
  });
});
