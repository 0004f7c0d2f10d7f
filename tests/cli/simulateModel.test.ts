import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/simulate.ts';
import { compare, describeMismatch, merge, TOL } from '../engine/fixtureCompare.ts';

function simulate(input: unknown) {
  let out = '';
  let err = '';
  const code = main(
    ['-'],
    () => JSON.stringify(input),
    { write: (t: string) => (out += t) },
    { write: (t: string) => (err += t) },
  );
  return { code, out, err };
}

interface MlpCase {
  name: string;
  model: { data: { seed: number }; shuffle: boolean } & Record<string, unknown>;
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
  batch_losses: number[];
  full_losses: number[];
  test_losses: number[];
  weights_final: number[];
  train_accuracy: number;
  test_accuracy: number;
  slice?: { seed: number; span: number; resolution: number; losses: number[][] };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_mlp.json', import.meta.url), 'utf8'),
) as { cases: MlpCase[] };

describe('simulate on a network scenario prints what torch computes', () => {
  for (const c of fixture.cases.slice(0, 4)) {
    it(c.name, () => {
      const scenario = {
        model: c.model,
        steps: c.steps,
        // With shuffle, batches come from the scenario's seed (the fixture used the data's).
        noise: { sigma: 0, seed: c.model.data.seed },
        runs: [{ optimizer: c.optimizer, params: c.params }],
        ...(c.slice
          ? { slice: { seed: c.slice.seed, span: c.slice.span, resolution: c.slice.resolution } }
          : {}),
      };
      const { code, out, err } = simulate(scenario);
      expect(err).toBe('');
      expect(code).toBe(0);
      const printed = JSON.parse(out);
      const r = printed.runs[0];
      const cmp = merge(
        compare('batch_losses', r.batch_losses, c.batch_losses),
        compare('full_losses', r.full_losses, c.full_losses),
        compare('test_losses', r.test_losses, c.test_losses),
        compare('weights_final', r.weights_final, c.weights_final),
        ...(c.slice
          ? [compare('slice losses', printed.slice.losses.flat(), c.slice.losses.flat())]
          : []),
      );
      expect(cmp.first, describeMismatch(cmp.first)).toBeNull();
      expect(cmp.worst).toBeLessThanOrEqual(TOL);
      if (c.slice) expect(printed.slice.paths[0]).toHaveLength(c.steps + 1);
      expect(r.train_accuracy).toBe(c.train_accuracy);
      expect(r.test_accuracy).toBe(c.test_accuracy);
    });
  }
});

/** A scenario file being broken on purpose, one field at a time. */
interface Editable {
  model: { data: Record<string, unknown>; hidden: number[]; init?: unknown };
  steps: number;
  runs: Record<string, unknown>[];
}

describe('a bad network scenario gets a clear message', () => {
  const base = {
    model: { data: { name: 'moons', n: 100 }, hidden: [8] },
    steps: 50,
    runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
  };
  const problem = (change: (s: Editable) => void) => {
    const s = structuredClone(base) as Editable;
    change(s);
    const r = simulate(s);
    expect(r.code).toBe(2);
    return r.err;
  };

  it('names an unknown dataset and the ones there are', () => {
    expect(problem((s) => (s.model.data.name = 'mnist'))).toMatch(
      /model\.data\.name: must be one of: moons, circles, spirals, xor, blobs/,
    );
  });

  it('refuses a network of a billion weights, saying how many', () => {
    expect(problem((s) => (s.model.hidden = [1000, 1000, 1000]))).toMatch(
      /the network has 2,007,002 weights; the lab trains up to 10,000/,
    );
  });

  it('refuses more work than it can do, and says what to cut', () => {
    expect(
      problem((s) => {
        s.model.data.n = 5000;
        s.model.hidden = [60, 60, 60];
        s.steps = 10000;
      }),
    ).toMatch(
      /multiply-adds, more than the 2e\+10 the lab computes: fewer steps, points or weights/,
    );
  });

  it('needs one init weight per parameter, in model.parameters() order', () => {
    expect(problem((s) => (s.model.init = { weights: [0.1, 0.2] }))).toMatch(
      /model\.init\.weights: needs 42 numbers/,
    );
  });

  it('needs a label per point, and refuses a run with a start', () => {
    expect(
      problem(
        (s) =>
          (s.model.data = {
            points: [
              [0, 0],
              [1, 1],
            ],
            labels: [0],
          }),
      ),
    ).toMatch(/needs one label per point/);
    expect(problem((s) => (s.runs[0].start = [1, 2]))).toMatch(/no start/);
  });

  it('says Muon needs a hidden-to-hidden matrix (AdamW takes the rest), and takes one', () => {
    expect(problem((s) => (s.runs[0] = { optimizer: 'muon' }))).toMatch(
      /runs\[0\]: Muon trains a network's hidden-to-hidden weight matrices \(AdamW the rest\), and this one has none: it needs at least two hidden layers/,
    );
    const muon = {
      ...base,
      model: { ...base.model, hidden: [4, 4] },
      runs: [{ optimizer: 'muon' }],
    };
    expect(simulate(muon).code).toBe(0);
  });
});
