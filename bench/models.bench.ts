import { OPTIMIZERS } from '../src/engine/optimizers/index.ts';
import { runOptimizer } from '../src/engine/run.ts';
import { resolveParams, specsOf } from '../src/engine/validateParams.ts';
import { weightCount } from '../src/engine/objective.ts';
import { makeDatasets } from '../src/models/datasets.ts';
import { filterNormalizedPlane } from '../src/models/landscape/filterNormalized.ts';
import { gridAxis, planeLosses } from '../src/models/landscape/plane.ts';
import { linearInit } from '../src/models/linearInit.ts';
import { minibatches } from '../src/models/minibatches.ts';
import { MlpObjective, mlpLayers, type MlpSpec } from '../src/models/mlp.ts';
import { medianMs, type BenchRow } from './harness.ts';

/**
 * A real network's work on one thread, at the sizes issue 13 names (its budgets, 1.5 s for the
 * plane and 2 s for the training, are for the Web Worker pool that is still to come, so these
 * rows measure without a budget): a 41 × 41 filter-normalised plane of a ~1,000-weight network
 * on 500 points, and 4 runs × 500 steps of batch-32 training with the full training loss at
 * every iterate.
 */
export function benchModels(): BenchRow[] {
  const spec: MlpSpec = { hidden: [30, 30], activation: 'tanh', residual: false };
  const { train } = makeDatasets({ name: 'moons', n: 500, noise: 0.1, seed: 1 });
  const full = new MlpObjective(spec, train, null);
  const n = weightCount(full);
  const w0 = new Float64Array(n);
  linearInit(mlpLayers(spec, train.classes), 1, w0);
  const plane = filterNormalizedPlane(full.shapes, w0, 3);
  const axis = gridAxis(1, 41);
  const planeMs = medianMs(
    () => planeLosses(plane, axis, axis, (w) => full.lossOn(w, train)),
    3,
    1,
  );

  const objective = new MlpObjective(spec, train, minibatches(train.n, 32, false, 1));
  const train4 = () => {
    for (const [id, lr] of [
      ['sgd', 0.1],
      ['adam', 0.01],
      ['adamw', 0.01],
      ['rmsprop', 0.003],
    ] as const) {
      const def = OPTIMIZERS[id];
      runOptimizer(objective, {
        optimizer: def,
        params: resolveParams(specsOf(def, { lr }), { lr }, 'params'),
        schedule: null,
        start: Array.from(w0),
        steps: 500,
        noise: { sigma: 0, seed: 0 },
        swa: null,
      });
    }
  };
  const trainMs = medianMs(train4, 3, 1);
  return [
    {
      name: `41 × 41 filter-normalised plane, ${n}-weight MLP [30, 30] on 500 points, one thread`,
      ms: planeMs,
      note: 'issue 13 budgets 1,500 ms on the worker pool',
    },
    {
      name: '4 runs × 500 steps of batch-32 training, full training loss at every iterate, one thread',
      ms: trainMs,
      note: 'issue 13 budgets 2,000 ms on the worker pool',
    },
  ];
}
