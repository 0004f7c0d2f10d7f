import { describe, expect, it } from 'vitest';
import { lastLoss, point, runPreset, signChanges } from './lesson.ts';
import type { RunResult } from '../../../src/engine/run.ts';

describe('preset ravine-momentum', () => {
  const { scenario, results } = runPreset('ravine-momentum');
  const [momentum, sgd] = results;
  const angle = (30 * Math.PI) / 180;
  // The floor's coordinates: u along the valley floor, v across it (the floor is v = 0).
  const along = (r: RunResult, k: number) => {
    const [x, y] = point(r, k);
    return x * Math.cos(angle) + y * Math.sin(angle);
  };
  const across = (r: RunResult, k: number) => {
    const [x, y] = point(r, k);
    return -x * Math.sin(angle) + y * Math.cos(angle);
  };

  it('both runs finish', () => {
    expect(scenario.runs).toHaveLength(2);
    for (const r of results) expect(r.divergedAt).toBeNull();
  });

  it('SGD sits just under the stability limit lr < 2/λ_across = 1', () => {
    const lr = scenario.runs[1].params.lr as number;
    expect(lr).toBeLessThan(1);
    expect(lr).toBeGreaterThan(0.98);
  });

  it('SGD zigzags all the way: it crosses the floor on every step and is still wide at the end', () => {
    expect(signChanges(sgd.points, (k) => across(sgd, k))).toBe(sgd.points - 1);
    expect(Math.abs(across(sgd, sgd.points - 1))).toBeGreaterThan(0.4);
    // …while it has come only about a third of the way down the floor.
    const progress = 1 - along(sgd, sgd.points - 1) / along(sgd, 0);
    expect(progress).toBeGreaterThan(0.25);
    expect(progress).toBeLessThan(0.85);
  });

  it('momentum runs along the floor: its wiggle dies out and it reaches the bottom in about 60 steps', () => {
    for (let k = 60; k < momentum.points; k++)
      expect(Math.abs(across(momentum, k))).toBeLessThan(0.05);
    expect(Math.abs(along(momentum, 60))).toBeLessThan(0.2);
    // SGD at the same step is still far up the valley.
    expect(along(sgd, 60)).toBeLessThan(-0.8);
  });

  it('momentum ends orders of magnitude lower', () => {
    expect(lastLoss(momentum)).toBeLessThan(lastLoss(sgd) / 300);
  });

  it('try this: SGD at lr 0.5 stops zigzagging but ends about twice as far from the bottom', () => {
    const slow = runPreset('ravine-momentum', (j) => {
      j.runs[1].params = { lr: 0.5 };
    }).results[1];
    expect(Math.abs(across(slow, 10))).toBeLessThan(1e-9);
    const ratio = along(slow, slow.points - 1) / along(sgd, sgd.points - 1);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.7);
  });
});
