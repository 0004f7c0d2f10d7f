import { describe, expect, it } from 'vitest';
import { makeDatasets } from '../../src/models/datasets.ts';
import { linearInit } from '../../src/models/linearInit.ts';
import { minibatches } from '../../src/models/minibatches.ts';
import { MlpObjective, mlpLayers, mlpShapes, type MlpSpec } from '../../src/models/mlp.ts';
import { weightCount } from '../../src/engine/objective.ts';

const data = makeDatasets({ name: 'moons', n: 40, noise: 0.1, seed: 1 }).train;

function check(spec: MlpSpec) {
  const obj = new MlpObjective(spec, data, null);
  const n = weightCount(obj);
  const w = new Float64Array(n);
  linearInit(mlpLayers(spec, data.classes), 7, w);
  const g = new Float64Array(n);
  obj.lossGrad(w, g);
  const scratch = new Float64Array(n);
  // Central differences, step 1e-6: agreement to ~1e-8 absolute.
  for (let i = 0; i < n; i++) {
    const h = 1e-6;
    const a = Float64Array.from(w);
    a[i] += h;
    const b = Float64Array.from(w);
    b[i] -= h;
    const fd = (obj.lossGrad(a, scratch) - obj.lossGrad(b, scratch)) / (2 * h);
    expect(g[i], `weight ${i}`).toBeCloseTo(fd, 7);
  }
}

describe('MLP objective', () => {
  it('has torch’s parameter shapes: each weight [out, in], then its bias', () => {
    expect(mlpShapes({ hidden: [16, 8], activation: 'tanh', residual: false }, 3)).toEqual([
      [16, 2],
      [16],
      [8, 16],
      [8],
      [3, 8],
      [3],
    ]);
  });

  for (const activation of ['tanh', 'relu', 'sigmoid'] as const)
    for (const residual of [false, true])
      it(`${activation}${residual ? ', residual' : ''}: the gradient is the loss’s derivative`, () =>
        check({ hidden: [6, 6, 4], activation, residual }));

  it('softmax regression (no hidden layer) too', () =>
    check({ hidden: [], activation: 'tanh', residual: false }));

  it('a mini-batch loss is the mean over its examples', () => {
    const spec: MlpSpec = { hidden: [5], activation: 'tanh', residual: false };
    const next = minibatches(data.n, 16, false, 0);
    const obj = new MlpObjective(spec, data, next);
    const w = new Float64Array(weightCount(obj));
    linearInit(mlpLayers(spec, 2), 3, w);
    const g = new Float64Array(w.length);
    // Batches 0, 1 (16 each) and 2 (the last 8) make up the epoch; step 3 wraps to batch 0.
    const losses = [0, 1, 2, 3].map((t) => obj.batchLossGrad!(w, t, g));
    const full = obj.lossGrad(w, g);
    expect((16 * losses[0] + 16 * losses[1] + 8 * losses[2]) / 40).toBeCloseTo(full, 14);
    expect(losses[3]).toBe(losses[0]);
  });
});

describe('MLP Hessian-vector product', () => {
  for (const activation of ['tanh', 'sigmoid', 'relu'] as const)
    for (const residual of [false, true])
      it(`${activation}${residual ? ', residual' : ''}: H·v is the gradient’s derivative along v`, () => {
        const spec: MlpSpec = { hidden: [5, 5], activation, residual };
        const obj = new MlpObjective(spec, data, null);
        const n = weightCount(obj);
        const w = new Float64Array(n);
        linearInit(mlpLayers(spec, data.classes), 11, w);
        const v = new Float64Array(n).map((_, i) => Math.sin(3 * i + 1));
        const hv = new Float64Array(n);
        obj.hvp(w, v, hv);
        const h = 1e-5;
        const gp = new Float64Array(n);
        const gm = new Float64Array(n);
        obj.lossGrad(
          w.map((x, i) => x + h * v[i]),
          gp,
        );
        obj.lossGrad(
          w.map((x, i) => x - h * v[i]),
          gm,
        );
        for (let i = 0; i < n; i++)
          expect(hv[i], `component ${i}`).toBeCloseTo((gp[i] - gm[i]) / (2 * h), 6);
      });
});
