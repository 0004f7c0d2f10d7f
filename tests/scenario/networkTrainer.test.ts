import { describe, expect, it } from 'vitest';
import { parseModelScenario, type ModelScenario } from '../../src/scenario/modelScenario.ts';
import { runModelScenario } from '../../src/scenario/runModelScenario.ts';
import { NetworkTrainer } from '../../src/scenario/networkTrainer.ts';

const base = parseModelScenario({
  model: { data: { name: 'circles', n: 80, noise: 0.05, seed: 4 }, hidden: [6], batch_size: 20 },
  steps: 40,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.2 } },
    { optimizer: 'adam', params: { lr: 0.01 } },
  ],
  slice: { plane: 'filter_normalized', center: { run: 0, step: -1 }, resolution: 7 },
});

const withRun = (s: ModelScenario, i: number, edit: Record<string, unknown>): ModelScenario => ({
  ...s,
  runs: s.runs.map((r, j) => (j === i ? { ...r, ...edit } : r)),
});

describe('the network trainer', () => {
  it('trains what runModelScenario trains', () => {
    const out = new NetworkTrainer().train(base);
    const fresh = runModelScenario(base);
    out.results.forEach((r, i) => expect(r!.losses).toEqual(fresh.results[i].losses));
    expect(out.slice!.losses).toEqual(fresh.slice!.losses);
    expect(out.projected[1]!.trajectory[0]).toBeCloseTo(fresh.slice!.paths[1].alpha[0], 12);
  });

  it('re-trains only the run whose lr changed, and keeps a slice centred elsewhere', () => {
    const t = new NetworkTrainer();
    const first = t.train(base);
    const said: string[] = [];
    const edited = withRun(base, 1, { params: { ...base.runs[1].params, lr: 0.02 } });
    const second = t.train(edited, (done, total, what) => said.push(`${done}/${total} ${what}`));
    expect(second.results[0]).toBe(first.results[0]);
    expect(second.results[1]).not.toBe(first.results[1]);
    expect(second.results[1]!.losses).toEqual(runModelScenario(edited).results[1].losses);
    expect(second.slice).toBe(first.slice);
    expect(said).toEqual(['1/1 trained run 2']);
    // Its path is drawn in the kept plane.
    expect(second.projected[1]!.losses).toBe(second.results[1]!.losses);
  });

  it('recomputes the slice when the run it is centred on changes', () => {
    const t = new NetworkTrainer();
    const first = t.train(base);
    const said: string[] = [];
    const second = t.train(
      withRun(base, 0, { params: { ...base.runs[0].params, lr: 0.1 } }),
      (d, n, w) => said.push(`${d}/${n} ${w}`),
    );
    expect(second.slice).not.toBe(first.slice);
    expect(said).toEqual(['1/2 trained run 1', '2/2 computed the slice']);
  });

  it('trains nothing for a label, colour or visibility edit', () => {
    const t = new NetworkTrainer();
    const first = t.train(base);
    let calls = 0;
    const second = t.train(
      withRun(base, 0, { label: 'mine', color: '#123456', visible: false }),
      () => calls++,
    );
    expect(calls).toBe(0);
    expect(second.results).toEqual(first.results);
    expect(second.results[0]).toBe(first.results[0]);
  });

  it('says why a run torch would refuse has no result, and draws no slice without it', () => {
    const out = new NetworkTrainer().train(
      withRun(base, 0, { params: { ...base.runs[0].params, nesterov: true } }),
    );
    expect(out.results[0]).toBeNull();
    expect(out.runErrors[0]).toMatch(/nesterov/i);
    expect(out.results[1]).not.toBeNull();
    expect(out.slice).toBeNull();
  });
});
