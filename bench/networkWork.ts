import { OPTIMIZERS } from '../src/engine/optimizers/index.ts';
import { runOptimizer } from '../src/engine/run.ts';
import { resolveParams, specsOf } from '../src/engine/validateParams.ts';
import { weightCount } from '../src/engine/objective.ts';
import { makeDatasets } from '../src/models/datasets.ts';
import { filterNormalizedPlane } from '../src/models/landscape/filterNormalized.ts';
import { gridAxis, planeRows } from '../src/models/landscape/plane.ts';
import { linearInit } from '../src/models/linearInit.ts';
import { minibatches } from '../src/models/minibatches.ts';
import { MlpObjective, mlpLayers, type MlpSpec } from '../src/models/mlp.ts';

/** The four runs issue 13 times, by optimizer id and lr. */
export const NETWORK_RUNS = [
  ['sgd', 0.1],
  ['adam', 0.01],
  ['adamw', 0.01],
  ['rmsprop', 0.003],
] as const;

export const PLANE_RESOLUTION = 41;

/**
 * Issue 13's network work, measured on one thread for reference (models.bench.ts times the page's pool on the
 * same network as a scenario): an MLP
 * [30, 30] tanh on 500 moons points, a 41 × 41 filter-normalised plane through its initial
 * weights, and 500 steps of batch-32 training per run with the full loss at every iterate.
 */
export function networkWork() {
  const spec: MlpSpec = { hidden: [30, 30], activation: 'tanh', residual: false };
  const { train } = makeDatasets({ name: 'moons', n: 500, noise: 0.1, seed: 1 });
  const full = new MlpObjective(spec, train, null);
  const weights = weightCount(full);
  const w0 = new Float64Array(weights);
  linearInit(mlpLayers(spec, train.classes), 1, w0);
  const plane = filterNormalizedPlane(full.shapes, w0, 3);
  const axis = gridAxis(1, PLANE_RESOLUTION);
  const batched = new MlpObjective(spec, train, minibatches(train.n, 32, false, 1));
  return {
    weights,
    /** Rows from..to of the plane's losses. */
    plane: (from: number, to: number) =>
      planeRows(plane, axis, axis, from, to, (w) => full.loss(w)),
    /** Runs i of NETWORK_RUNS; each one's recorded full losses. */
    train: (runs: readonly number[]) =>
      runs.map((i) => {
        const [id, lr] = NETWORK_RUNS[i];
        const def = OPTIMIZERS[id];
        return runOptimizer(batched, {
          optimizer: def,
          params: resolveParams(specsOf(def, { lr }), { lr }, 'params'),
          schedule: null,
          start: Array.from(w0),
          steps: 500,
          noise: { sigma: 0, seed: 0 },
          swa: null,
        }).losses;
      }),
  };
}
