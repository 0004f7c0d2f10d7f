import { describe, expect, it } from 'vitest';
import { weightCount } from '../../src/engine/objective.ts';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { GRAD_NORM_EVERY, runOptimizer } from '../../src/engine/run.ts';
import { resolveParams, specsOf } from '../../src/engine/validateParams.ts';
import { makeDatasets } from '../../src/models/datasets.ts';
import { linearInit } from '../../src/models/linearInit.ts';
import { minibatches } from '../../src/models/minibatches.ts';
import { MlpObjective, mlpLayers, type MlpSpec } from '../../src/models/mlp.ts';

const spec: MlpSpec = { hidden: [7, 5], activation: 'tanh', residual: false };
const data = makeDatasets({ name: 'moons', n: 50, noise: 0.1, seed: 2 }).train;
const steps = 2 * GRAD_NORM_EVERY + 3;

function train(objective: MlpObjective, noise = 0) {
  const w0 = new Float64Array(weightCount(objective));
  linearInit(mlpLayers(spec, data.classes), 5, w0);
  const def = OPTIMIZERS.adam;
  return runOptimizer(objective, {
    optimizer: def,
    params: resolveParams(specsOf(def, { lr: 0.01 }), { lr: 0.01 }, 'params'),
    schedule: null,
    start: Array.from(w0),
    steps,
    noise: { sigma: noise, seed: 1 },
    swa: null,
  });
}

/** Each iterate's exact full loss and gradient norm, taken afresh. */
function exact(objective: MlpObjective, w: Float64Array) {
  const g = new Float64Array(w.length);
  const loss = objective.lossGrad(w, g);
  return { loss, norm: Math.sqrt(g.reduce((s, x) => s + x * x, 0)) };
}

describe('a network run’s record', () => {
  it('on mini-batches: every exact loss, the exact gradient norm every GRAD_NORM_EVERY and at the end', () => {
    const objective = new MlpObjective(spec, data, minibatches(data.n, 16, true, 3));
    const r = train(objective);
    expect(r.points).toBe(steps + 1);
    for (let k = 0; k <= steps; k++) {
      const e = exact(objective, r.trajectory.slice(k * r.dim, (k + 1) * r.dim));
      expect(r.losses[k], `loss ${k}`).toBe(e.loss);
      if (k % GRAD_NORM_EVERY === 0 || k === steps)
        expect(r.gradNorms[k], `norm ${k}`).toBeCloseTo(e.norm, 14);
      else expect(r.gradNorms[k], `norm ${k}`).toBeNaN();
    }
  });

  it('with gradient noise on the full batch: the same thinning', () => {
    const objective = new MlpObjective(spec, data, null);
    const r = train(objective, 0.01);
    expect(Number.isNaN(r.gradNorms[1])).toBe(true);
    expect(Number.isFinite(r.gradNorms[GRAD_NORM_EVERY])).toBe(true);
  });

  it('full-batch without noise: the step’s own gradient, so its norm at every iterate', () => {
    const objective = new MlpObjective(spec, data, null);
    const r = train(objective);
    for (let k = 0; k <= steps; k++) {
      const e = exact(objective, r.trajectory.slice(k * r.dim, (k + 1) * r.dim));
      expect(r.losses[k]).toBe(e.loss);
      expect(r.gradNorms[k]).toBeCloseTo(e.norm, 14);
    }
  });
});
