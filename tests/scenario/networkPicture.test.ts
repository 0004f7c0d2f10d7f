import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { runModelScenario } from '../../src/scenario/runModelScenario.ts';
import { dataExtent, decisionRegions, projectedRun } from '../../src/scenario/networkPicture.ts';

interface MlpCase {
  name: string;
  model: { data: { seed: number } } & Record<string, unknown>;
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
  train_accuracy: number;
  weights_final: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_mlp.json', import.meta.url), 'utf8'),
) as { cases: MlpCase[] };

const scenario = parseModelScenario({
  model: { data: { name: 'moons', n: 120, noise: 0.15, seed: 2 }, hidden: [8, 8], batch_size: 30 },
  steps: 60,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.3, momentum: 0.9 }, swa: { start: 30 } },
    { optimizer: 'asgd', params: { lr: 0.2, t0: 10 } },
  ],
  slice: { plane: 'pca', center: { run: 0, step: -1 } },
});
const { built, results, slice } = runModelScenario(scenario);

describe('a network run drawn over its slice', () => {
  it('is the slice’s own projection of every iterate, with the network’s true losses', () => {
    for (let i = 0; i < results.length; i++) {
      const p = projectedRun(results[i], slice!.plane);
      expect(p.dim).toBe(2);
      expect(p.points).toBe(results[i].points);
      for (let k = 0; k < p.points; k += 7) {
        expect(p.trajectory[2 * k]).toBeCloseTo(slice!.paths[i].alpha[k], 12);
        expect(p.trajectory[2 * k + 1]).toBeCloseTo(slice!.paths[i].beta[k], 12);
        expect(p.distance[k]).toBeCloseTo(slice!.paths[i].distance[k], 12);
      }
      expect(p.losses).toBe(results[i].losses);
    }
  });

  it('projects the SWA average and the optimizer’s side paths too, NaN where they do not exist yet', () => {
    const swa = projectedRun(results[0], slice!.plane).swa!;
    expect(Number.isNaN(swa[2 * 29])).toBe(true);
    expect(Number.isFinite(swa[2 * 30])).toBe(true);
    const side = projectedRun(results[1], slice!.plane).sidePaths;
    expect(side.map((s) => s.id)).toEqual(results[1].sidePaths.map((s) => s.id));
    expect(side[0].values).toHaveLength(2 * results[1].points);
  });
});

describe('decision regions', () => {
  it('cover the data with every cell a class and its softmax probability', () => {
    const last = results[0].trajectory.subarray(
      (results[0].points - 1) * results[0].dim,
      results[0].points * results[0].dim,
    );
    const d = decisionRegions(built.objective, last, built.train, 40);
    expect(d.classes).toHaveLength(1600);
    const [x0, x1, y0, y1] = dataExtent(built.train);
    expect(d.extent).toEqual([x0, x1, y0, y1]);
    for (let r = 0; r < built.train.n; r++) {
      expect(built.train.x[2 * r]).toBeGreaterThan(x0);
      expect(built.train.x[2 * r + 1]).toBeLessThan(y1);
    }
    expect(new Set(d.classes)).toEqual(new Set([0, 1]));
    for (const p of d.confidence) expect(p).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });

  it('predict what torch’s argmax does: accuracy on the training set equals torch’s', () => {
    const c = fixture.cases[0];
    const s = parseModelScenario({
      model: c.model,
      steps: c.steps,
      noise: { sigma: 0, seed: c.model.data.seed },
      runs: [{ optimizer: c.optimizer, params: c.params }],
    });
    const { built: b } = runModelScenario({ ...s, runs: [] });
    const w = Float64Array.from(c.weights_final);
    const classes = new Uint8Array(b.train.n);
    b.objective.predictOn(w, b.train, classes, new Float64Array(b.train.n));
    const right = classes.filter((k, r) => k === b.train.y[r]).length;
    expect(right / b.train.n).toBe(c.train_accuracy);
  });
});
