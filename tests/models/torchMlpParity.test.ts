import { readFileSync } from 'node:fs';
import { trainFixtureNetwork } from './fixtureRun.ts';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../src/models/activations.ts';
import { makeDatasets, type DatasetSpec } from '../../src/models/datasets.ts';
import { linearInit } from '../../src/models/linearInit.ts';
import { mlpLayers } from '../../src/models/mlp.ts';
import { compare, describeMismatch, merge, TOL } from '../engine/fixtureCompare.ts';

/**
 * tests/fixtures/torch_mlp.json (scripts/mlp_reference.py): real networks trained in torch on
 * the lab's datasets, init and mini-batch order. Ours must match every step's mini-batch loss,
 * every iterate's full training loss and the final weights within 1e-9.
 */
interface MlpCase {
  name: string;
  model: {
    data: DatasetSpec;
    hidden: number[];
    activation: ActivationName;
    residual: boolean;
    init: { seed: number };
    batch_size: number;
    shuffle: boolean;
  };
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
  train: { x: number[][]; y: number[] };
  weights_init: number[];
  batch_losses: number[];
  full_losses: number[];
  test_losses: number[];
  weights_final: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_mlp.json', import.meta.url), 'utf8'),
) as { torch_version: string; cases: MlpCase[] };

describe(`networks trained in the lab match torch ${fixture.torch_version}`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const m = c.model;
      const { train } = makeDatasets(m.data);
      // The same data, to the last bits libm may round differently.
      expect(merge(compare('data', train.x, c.train.x.flat())).worst).toBeLessThan(1e-12);
      expect(Array.from(train.y)).toEqual(c.train.y);
      const layers = mlpLayers(m, train.classes);
      const init = new Float64Array(c.weights_init.length);
      linearInit(layers, m.init.seed, init);
      expect(Array.from(init)).toEqual(c.weights_init);

      const { r: result } = trainFixtureNetwork(c);
      expect(result.stop).toBeNull();
      const n = result.points - 1;
      const final = result.trajectory.subarray(n * result.dim);
      const cmp = merge(
        compare('batch losses', result.batchLosses, c.batch_losses),
        compare('full losses', result.losses, c.full_losses),
        compare('test losses', result.testLosses!, c.test_losses),
        compare('final weights', final, c.weights_final),
      );
      expect(cmp.first, describeMismatch(cmp.first)).toBeNull();
      expect(cmp.worst).toBeLessThanOrEqual(TOL);
    });
  }
});
