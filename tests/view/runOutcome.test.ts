import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import type { Objective2D } from '../../src/engine/objective2d.ts';
import { sgd } from '../../src/engine/optimizers/sgd.ts';
import { runOptimizer, type RunResult } from '../../src/engine/run.ts';
import { fmtPoint } from '../../src/engine/formatNumber.ts';
import { lossReadout } from '../../src/view/panels/lossReadout.ts';
import {
  blowUp,
  convergedAt,
  describeEnding,
  leftDomainAt,
} from '../../src/view/panels/runOutcome.ts';

// f = x² + y²: gradient descent with lr 0.25 halves the point (and ‖∇f‖) every step.
const bowl: Objective2D = {
  f: (x, y) => x * x + y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = 2 * y;
  },
  hess(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 2;
  },
};

const gd = (lr: number, steps: number, start: [number, number] = [3, 4]): RunResult =>
  runOptimizer(surfaceObjective(bowl), {
    optimizer: sgd,
    params: { lr, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 },
    schedule: null,
    start,
    steps,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  });

describe('convergedAt', () => {
  it('is the first step with ‖∇f‖ < 1e-6·‖∇f(x₀)‖', () => {
    // ‖∇f_k‖ = 10·0.5^k: 0.5^19 ≈ 1.9e-6, 0.5^20 ≈ 9.5e-7 < 1e-6.
    expect(convergedAt(gd(0.25, 50))).toBe(20);
  });
  it('uses an absolute 1e-6 when the start is already flatter than 1', () => {
    // ‖∇f_0‖ = 0.1: needs 0.1·0.5^k < 1e-6, k = 17.
    expect(convergedAt(gd(0.25, 50, [0.03, 0.04]))).toBe(17);
  });
  it('is null when the run never gets there, or diverges', () => {
    expect(convergedAt(gd(0.25, 10))).toBeNull();
    const diverging = gd(5, 2000);
    expect(diverging.divergedAt).not.toBeNull();
    expect(convergedAt(diverging)).toBeNull();
  });
});

describe('describeEnding', () => {
  const pts = [
    { x: 0, y: 0, f: 0, kind: 'global-min' as const },
    { x: 2, y: 0, f: 1, kind: 'saddle' as const },
  ];
  const fmt = (x: number, y: number) => fmtPoint(x, y);
  it('says the run ended in a minimum it reached', () => {
    expect(describeEnding(gd(0.25, 30), pts, 0.1, fmt)).toBe('in the global minimum (0, 0)');
  });
  it('reports the nearest minimum, not a saddle, when none is reached', () => {
    expect(describeEnding(gd(0.25, 1, [2.4, 0]), pts, 0.01, fmt)).toBe(
      'nearest: global minimum (0, 0), 1.2 away',
    );
  });
  it('says when a run sits at a saddle', () => {
    expect(describeEnding(gd(0.25, 1, [4, 0]), pts, 0.1, fmt)).toBe('at the saddle point (2, 0)');
  });
  it('is null without known points (custom surfaces)', () => {
    expect(describeEnding(gd(0.25, 5), [], 0.1, fmt)).toBeNull();
  });
});

describe('lossReadout', () => {
  // The readout keeps each part together with no-break spaces; compare with plain ones.
  const read = (r: Parameters<typeof lossReadout>[0], k: number) =>
    lossReadout(r, k).replace(/\u00a0/g, ' ');
  it('reads the loss now (at the step) and at the end, naming both steps', () => {
    const r = gd(0.25, 3); // losses 25, 6.25, 1.5625, 0.390625
    expect(read(r, 0)).toBe('now (step 0): loss 25 · end (step 3): loss 0.3906');
    expect(read(r, 1)).toBe('now (step 1): loss 6.25 · end (step 3): loss 0.3906');
    expect(read(r, 3)).toBe('end (step 3): loss 0.3906');
    expect(lossReadout(null, 0)).toBe('loss —');
  });
  it('reads ∞ now past a divergence, and the last finite loss as the end', () => {
    const d = gd(5, 2000);
    expect(d.divergedAt).not.toBeNull();
    const last = d.points - 1;
    expect(read(d, d.points + 5)).toMatch(
      new RegExp(`^now \\(step ${d.points + 5}\\): loss ∞ · end \\(step ${last}\\): loss `),
    );
  });
});

describe('blowUp', () => {
  it('flags a finite run whose loss grew a million-fold (GD at lr 1.5 on f = x² + y²: ×4 per step)', () => {
    const r = gd(1.5, 12); // loss 25·4^k: 4^12 ≈ 1.7e7 > 1e6, 4^9 ≈ 2.6e5 < 1e6
    expect(r.divergedAt).toBeNull();
    const g = blowUp(r);
    expect(g).not.toBeNull();
    expect(g!).toBeCloseTo(4 ** 12, -2);
    expect(blowUp(gd(1.5, 9))).toBeNull();
  });
  it('ignores converging runs', () => {
    expect(blowUp(gd(0.25, 50))).toBeNull();
  });
});

describe('leftDomainAt', () => {
  const domain = { xMin: -10, xMax: 10, yMin: -10, yMax: 10 };
  it('is the first iterate outside the domain, and where it is', () => {
    // lr 1.2 on x² + y²: x_{k+1} = (1 − 2.4)·x_k, so (3, 4)·(−1.4)^k; y leaves first, at k = 3
    // (4·1.4³ = 10.976 > 10 while 3·1.4³ = 8.232 is still inside).
    const left = leftDomainAt(gd(1.2, 20), domain);
    expect(left?.step).toBe(3);
    expect(left!.x).toBeCloseTo(-8.232, 12);
    expect(left!.y).toBeCloseTo(-10.976, 12);
  });
  it('is null for a run that stays inside', () => {
    expect(leftDomainAt(gd(0.25, 50), domain)).toBeNull();
  });
});
