import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { defaultParams } from '../../src/engine/validateParams.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import { sumSquares } from '../../src/engine/tensor.ts';
import { leastSquares } from './leastSquares.ts';

/** A weight [2, 3] and a bias [2]: two tensors, each with its own trust ratio. */
const X = [
  [1, 0.5, -1],
  [0.2, -0.3, 2],
  [-1, 1, 0.5],
  [0.4, 0.1, -0.2],
];
const Y = [
  [1, 0],
  [0, 1],
  [-1, 2],
  [0.5, 0.5],
];
const objective = leastSquares(X, Y, true);
const start = [0.3, -0.2, 0.1, 0.5, 0.4, -0.6, 0.2, -0.1];
const norm = (a: Float64Array) => Math.sqrt(sumSquares(a));

function run(optimizer: 'lars' | 'lamb' | 'sgd', params: Record<string, number | boolean>) {
  const def = OPTIMIZERS[optimizer];
  return runOptimizer(objective, {
    optimizer: def,
    params: { ...defaultParams(def.params), ...params },
    schedule: null,
    start,
    steps: 12,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  });
}

/** Iterate k's two tensors and their gradients. */
function tensorsAt(r: ReturnType<typeof run>, k: number) {
  const w = r.trajectory.slice(k * r.dim, (k + 1) * r.dim);
  const g = new Float64Array(r.dim);
  objective.lossGrad(w, g);
  return [
    { w: w.subarray(0, 6), g: g.subarray(0, 6) },
    { w: w.subarray(6), g: g.subarray(6) },
  ];
}

describe('trust ratios per tensor', () => {
  it('are LARS’s η‖w‖/(‖g‖ + λ‖w‖ + ε) at each step, per tensor', () => {
    const p = { lr: 0.5, momentum: 0.9, weight_decay: 0.01, trust_coefficient: 0.02, eps: 1e-8 };
    const r = run('lars', p);
    expect(r.trustRatios!.tensors).toBe(2);
    for (const t of [0, 5, 11]) {
      tensorsAt(r, t).forEach(({ w, g }, j) => {
        const expected = (0.02 * norm(w)) / (norm(g) + 0.01 * norm(w) + 1e-8);
        expect(r.trustRatios!.values[2 * t + j]).toBeCloseTo(expected, 12);
      });
    }
  });

  it('are LAMB’s ‖w‖/‖u‖ with u the Adam direction plus decay, and 1 with adam: true', () => {
    const r = run('lamb', { lr: 0.01, weight_decay: 0 });
    // At step 0, without bias correction (torch-optimizer's default), m = (1 − β₁)g and
    // v = (1 − β₂)g², so u = m/(√v + ε) elementwise.
    const eps = OPTIMIZERS.lamb.params.find((p) => p.name === 'eps')!.default as number;
    tensorsAt(r, 0).forEach(({ w, g }, j) => {
      const u = g.map((x) => ((1 - 0.9) * x) / (Math.sqrt(1 - 0.999) * Math.abs(x) + eps));
      expect(r.trustRatios!.values[j]).toBeCloseTo(norm(w) / norm(u), 12);
    });
    const plain = run('lamb', { lr: 0.01, adam: true });
    expect(Array.from(plain.trustRatios!.values)).toEqual(new Array(24).fill(1));
  });

  it('are not recorded for optimizers without one', () => {
    expect(run('sgd', { lr: 0.1 }).trustRatios).toBeUndefined();
  });
});
