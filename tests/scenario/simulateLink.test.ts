import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/simulate.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';
import { runScenario } from '../../src/scenario/runScenario.ts';
import { encodeScenario } from '../../src/scenario/shareLink.ts';
import { toSimulatedRun } from '../../src/scenario/simulateOutput.ts';
import { packJsonForTest } from './packForTest.ts';

/** The simulate command, in this process (tests/cli/simulate.test.ts runs it as a process). */
function simulate(arg: string, input?: string) {
  let out = '';
  let err = '';
  const code = main(
    [arg],
    () => input ?? '',
    { write: (t: string) => (out += t) },
    { write: (t: string) => (err += t) },
  );
  return { code, out, err };
}

describe('simulate with a share link', () => {
  const scenario = parseScenario(PRESETS_BY_ID['warmup'].scenario);
  const link = `https://lab.example/app/#s=${encodeScenario(scenario)}`;

  it('prints the same trajectories as the scenario file and as the page’s engine', () => {
    const fromLink = simulate(link);
    expect(fromLink.err).toBe('');
    expect(fromLink.code).toBe(0);
    const fromFile = simulate('-', JSON.stringify(PRESETS_BY_ID['warmup'].scenario));
    expect(fromLink.out).toBe(fromFile.out);
    const { results } = runScenario(scenario);
    const expected = results.map((r, i) => toSimulatedRun(scenario.runs[i].optimizer, r));
    expect(JSON.parse(fromLink.out).runs).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('accepts a bare fragment', () => {
    const r = simulate(`#s=${encodeScenario(scenario)}`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs).toHaveLength(2);
  });

  it('runs what it can read of a damaged link and lists the rest on stderr', () => {
    const r = simulate(
      `#s=${packJsonForTest({ surface: { id: 'ravine' }, steps: 10, runs: [{ optimizer: 'sgd', params: { lr: -1 } }, { optimizer: 'adam' }] })}`,
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe('simulate: link: run 1 was dropped: lr must be in (0, 1000000] (got -1)\n');
    expect(JSON.parse(r.out).runs.map((x: { optimizer: string }) => x.optimizer)).toEqual(['adam']);
  });

  it('exits 2 with a message when the link is unusable', () => {
    const r = simulate('https://lab.example/#s=%%%not-a-link');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^simulate: link: the link is damaged/);
    expect(r.err).toMatch(/simulate: the link holds no usable scenario\n$/);
  });
});
