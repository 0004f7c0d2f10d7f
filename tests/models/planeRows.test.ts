import { describe, expect, it } from 'vitest';
import { weightCount } from '../../src/engine/objective.ts';
import { makeDatasets } from '../../src/models/datasets.ts';
import { filterNormalizedPlane } from '../../src/models/landscape/filterNormalized.ts';
import { gridAxis, planeLosses, planeRows } from '../../src/models/landscape/plane.ts';
import { linearInit } from '../../src/models/linearInit.ts';
import { MlpObjective, mlpLayers, type MlpSpec } from '../../src/models/mlp.ts';

describe('planeRows', () => {
  it('split anywhere, the rows concatenated are planeLosses bit for bit', () => {
    const spec: MlpSpec = { hidden: [6], activation: 'tanh', residual: false };
    const data = makeDatasets({ name: 'moons', n: 30, noise: 0.1, seed: 4 }).train;
    const objective = new MlpObjective(spec, data, null);
    const w = new Float64Array(weightCount(objective));
    linearInit(mlpLayers(spec, data.classes), 2, w);
    const plane = filterNormalizedPlane(objective.shapes, w, 1);
    const alphas = gridAxis(1, 7);
    const betas = gridAxis(0.5, 5);
    const loss = (v: Float64Array) => objective.loss(v);
    const whole = planeLosses(plane, alphas, betas, loss);
    for (const cut of [0, 3, 7]) {
      // The later rows first: no state carries from one evaluation to the next.
      const tail = planeRows(plane, alphas, betas, cut, 7, loss);
      const head = planeRows(plane, alphas, betas, 0, cut, loss);
      expect(Array.from([...head, ...tail])).toEqual(Array.from(whole));
    }
  });
});
