import { describe, expect, it } from 'vitest';
import { OPTIMIZER_LIST } from '../../../src/engine/optimizers/index.ts';
import { onLandscape } from './onLandscape.ts';

const bowl = (x: number, y: number) => [2 * x, 20 * y] as const;
const bowlHess = () => [2, 0, 20] as const;

describe('hyperparameters are read from the group on every step', () => {
  it('every optimizer stays put when a schedule sets lr = 0', () => {
    // Rprop reads lr only as its initial step size, and ASGD a step late: both below.
    for (const def of OPTIMIZER_LIST.filter((o) => o.id !== 'rprop' && o.id !== 'asgd')) {
      const raw = def.id === 'adamw' || def.id === 'lion' ? { weight_decay: 0.1 } : {};
      const r = onLandscape(def.id, raw, bowl, bowlHess);
      r.p.set([1.5, -0.5]);
      r.step(); // builds up state (moments, accumulators)
      const before = Array.from(r.p);
      r.group.lr = 0;
      r.step();
      expect(Array.from(r.p), def.id).toEqual(before);
    }
  });

  it('Rprop reads lr only for its initial step sizes, as torch does', () => {
    const r = onLandscape('rprop', { lr: 0.1 }, bowl);
    r.p.set([1.5, -0.5]);
    r.step(); // Δ = 0.1 for both weights: w ← w − sign(g)·0.1
    expect(Array.from(r.p)).toEqual([1.4, -0.4]);
    r.group.lr = 0;
    r.step(); // same signs: Δ ← 1.2·Δ, lr unread
    expect(r.p[0]).toBeCloseTo(1.4 - 0.12, 15);
  });

  it('ASGD steps with the η it computed from the previous step’s lr, as torch does', () => {
    const r = onLandscape('asgd', { lr: 0.1, lambd: 0 }, bowl);
    r.p.set([1.5, -0.5]);
    r.step();
    r.group.lr = 0;
    const before = Array.from(r.p);
    r.step(); // η = 0.1 still (computed at the end of step 1)
    expect(r.p[0]).toBeCloseTo(before[0] - 0.1 * 2 * before[0], 15);
    const after = Array.from(r.p);
    r.step(); // η = 0 now
    expect(Array.from(r.p)).toEqual(after);
  });

  it('SGD picks up a momentum that OneCycleLR changed', () => {
    const r = onLandscape('sgd', { lr: 0.1, momentum: 0.9 }, () => [1, 0]);
    r.step(); // b = 1
    r.group.momentum = 0.5;
    r.step(); // b = 0.5·1 + 1
    expect(r.momentum()).toEqual([1.5, 0]);
    expect(r.p[0]).toBeCloseTo(-0.1 - 0.15, 15);
  });

  it("Adam's bias correction follows a β1 that OneCycleLR changed", () => {
    const r = onLandscape('adam', { lr: 0.01, betas: [0.9, 0.999] }, () => [3, 0]);
    r.step();
    const after1 = r.p[0];
    (r.group.betas as number[])[0] = 0.5;
    r.step();
    // m₂ = 0.5·(0.1·g) + 0.5·g = 0.55g, m̂₂ = m₂/(1 − 0.5²); v̂₂ = g²: the step is lr·0.55/0.75
    // (times |g|/(|g| + ε), with ε = 1e-8).
    expect(after1 - r.p[0]).toBeCloseTo(((0.01 * 0.55) / 0.75) * (3 / (3 + 1e-8)), 15);
  });

  it("Adagrad reads initial_accumulator_value once, at creation (torch's constructor)", () => {
    const r = onLandscape('adagrad', { lr: 0.1, initial_accumulator_value: 3 }, () => [1, 0]);
    r.group.initial_accumulator_value = 100;
    r.step(); // s = 3 + 1: the step is lr·1/(√4 + ε), ε = 1e-10
    expect(r.p[0]).toBeCloseTo(-0.1 / (2 + 1e-10), 15);
  });
});
