import { describe, expect, it } from 'vitest';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import {
  CHECKPOINTS,
  LINE_POINTS,
  lineProfile,
  sharpnessTrack,
} from '../../src/scenario/networkAnalysis.ts';
import { NetworkTrainer } from '../../src/scenario/networkTrainer.ts';
import { iterate, runModel, runModelScenario } from '../../src/scenario/runModelScenario.ts';

const scenario = parseModelScenario({
  model: { data: { name: 'moons', n: 60, noise: 0.1, seed: 2 }, hidden: [5], batch_size: 60 },
  steps: 60,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.5 } },
    { optimizer: 'adam', params: { lr: 0.02 } },
  ],
});
const { built, results } = runModelScenario(scenario);

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('the loss along a line', () => {
  it('is the train and test loss at (1 − t)·from + t·to, with both ends on the grid', () => {
    const from = { run: 0, step: 0 };
    const to = { run: 1, step: -1 };
    const p = lineProfile(built, results, from, to);
    expect(p.ts.length).toBe(LINE_POINTS);
    const a = iterate(results[0], 0);
    const b = iterate(results[1], -1);
    const at0 = Array.from(p.ts).indexOf(0);
    const at1 = Array.from(p.ts).indexOf(1);
    expect(p.train[at0]).toBe(built.objective.lossOn(a, built.train));
    expect(p.train[at1]).toBe(built.objective.lossOn(b, built.train));
    expect(p.test![at1]).toBe(built.objective.lossOn(b, built.test!));
    // A point between, by its definition.
    const k = 30;
    const t = p.ts[k];
    const w = a.map((x, i) => (1 - t) * x + t * b[i]);
    expect(p.train[k]).toBeCloseTo(built.objective.lossOn(w, built.train), 14);
  });
});

describe('the sharpness along training', () => {
  const track = sharpnessTrack(built, results[0]);

  it('measures CHECKPOINTS + 1 evenly spaced iterates, first and last included', () => {
    expect(track.steps.length).toBe(CHECKPOINTS + 1);
    expect(track.steps[0]).toBe(0);
    expect(track.steps[CHECKPOINTS]).toBe(results[0].points - 1);
    expect(track.steps[1]).toBe(Math.round((results[0].points - 1) / CHECKPOINTS));
  });

  it('is an eigenvalue of the Hessian, of the largest magnitude', () => {
    // At the last checkpoint: H v = λ v for the vector power iteration converges to, and no
    // direction has a Rayleigh quotient larger in magnitude (checked on the coordinate axes and
    // random directions).
    const w = iterate(results[0], -1);
    const n = w.length;
    const hv = new Float64Array(n);
    const lambda = track.values[CHECKPOINTS];
    // The Hessian's columns, to find its extreme Rayleigh quotients by brute force.
    let largest = 0;
    const e = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      e.fill(0);
      e[i] = 1;
      built.objective.hvp(w, e, hv);
      largest = Math.max(largest, Math.abs(hv[i]));
    }
    expect(Math.abs(lambda)).toBeGreaterThanOrEqual(largest * (1 - 1e-3));
    // An eigenpair: the residual of the power iteration's vector is small.
    const v = new Float64Array(n).map((_, i) => Math.sin(i + 1));
    let x = v;
    for (let k = 0; k < 500; k++) {
      built.objective.hvp(w, x, hv);
      const norm = Math.sqrt(dot(hv, hv));
      x = hv.map((y) => y / norm);
    }
    built.objective.hvp(w, x, hv);
    expect(dot(x, hv)).toBeCloseTo(lambda, 2);
  });
});

describe('the trainer’s analysis', () => {
  it('measures each run’s sharpness once, and again only for the run that changed', () => {
    const t = new NetworkTrainer();
    const analysis = {
      line: { from: { run: 0, step: 0 }, to: { run: 0, step: -1 } },
      sharpness: true,
    };
    const out = t.train(scenario);
    expect(t.hasSharpness(out)).toBe(false);
    const first = t.analyse(out, analysis);
    expect(t.hasSharpness(out)).toBe(true);
    expect(first.sharpness![0]!.values).toEqual(sharpnessTrack(built, results[0]).values);
    const edited = {
      ...scenario,
      runs: scenario.runs.map((r, i) =>
        i === 1 ? { ...r, params: { ...r.params, lr: 0.03 } } : r,
      ),
    };
    const out2 = t.train(edited);
    const said: string[] = [];
    const second = t.analyse(out2, analysis, (done, total, what) =>
      said.push(`${done}/${total} ${what}`),
    );
    expect(second.sharpness![0]).toBe(first.sharpness![0]);
    expect(second.sharpness![1]).not.toBe(first.sharpness![1]);
    expect(said.at(-1)).toBe(
      `${CHECKPOINTS + 1}/${CHECKPOINTS + 1} measured the sharpness of run 2`,
    );
    // Without the sharpness asked for, only the line.
    expect(t.analyse(out2, { ...analysis, sharpness: false }).sharpness).toBeNull();
  });
});

describe('the page’s test loss', () => {
  it('is measured every 10th iterate and at the last, the same numbers as at every iterate', () => {
    const every = results[0].testLosses!;
    const some = runModel(scenario, 0, built, 10).testLosses!;
    const last = every.length - 1;
    for (let k = 0; k <= last; k++)
      if (k % 10 === 0 || k === last) expect(some[k]).toBe(every[k]);
      else expect(some[k]).toBeNaN();
    // What the page's trainer keeps.
    expect(new NetworkTrainer().train(scenario).results[0]!.testLosses).toEqual(some);
  });
});
