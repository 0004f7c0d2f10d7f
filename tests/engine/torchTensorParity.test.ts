import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import { resolveParams, specsOf } from '../../src/engine/validateParams.ts';
import {
  compare,
  compareEvaluationCounts,
  compareSidePaths,
  describeMismatch,
  merge,
  TOL,
} from './fixtureCompare.ts';
import { leastSquares } from './leastSquares.ts';

/**
 * tests/fixtures/torch_tensors.json: every optimizer on a problem of two tensors of different
 * shapes (a [3, 2] weight and a [3] bias), so per-tensor rules — trust ratios, factored second
 * moments, orthogonalised matrix updates — are held to torch, not just the 2-weight surfaces.
 */
interface TensorCase {
  name: string;
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
  shapes: number[][];
  trajectory: number[][];
  losses: number[];
  side_paths?: Record<string, (number[] | null)[]>;
  evaluations?: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_tensors.json', import.meta.url), 'utf8'),
) as {
  torch_version: string;
  problem: { X: number[][]; Y: number[][]; W0: number[][]; b0: number[] };
  cases: TensorCase[];
};

describe(`optimizers over several tensors match torch ${fixture.torch_version}`, () => {
  const { X, Y, W0, b0 } = fixture.problem;
  for (const c of fixture.cases) {
    it(c.name, () => {
      const def = OPTIMIZERS[c.optimizer];
      expect(def, `optimizer ${c.optimizer}`).toBeDefined();
      const bias = c.shapes.length === 2;
      const objective = leastSquares(X, Y, bias);
      expect(objective.shapes).toEqual(c.shapes);
      const result = runOptimizer(objective, {
        optimizer: def,
        params: resolveParams(specsOf(def, c.params), c.params, 'params'),
        schedule: null,
        start: [...W0.flat(), ...(bias ? b0 : [])],
        steps: c.steps,
        noise: { sigma: 0, seed: 0 },
        swa: null,
      });
      expect(result.stop, 'the run ends without a stop').toBeNull();
      const dim = result.dim;
      const cmp = merge(
        compare('trajectory', result.trajectory, c.trajectory.flat()),
        compare('losses', result.losses, c.losses),
        ...compareSidePaths(result.sidePaths, c.side_paths, dim, c.trajectory.length),
      );
      compareEvaluationCounts(result.evaluations, c.evaluations, c.trajectory.length);
      expect(
        cmp.first,
        `worst ${cmp.worst.toExponential(2)}: ${describeMismatch(cmp.first)}`,
      ).toBeNull();
      expect(cmp.worst).toBeLessThanOrEqual(TOL);
    });
  }
});
