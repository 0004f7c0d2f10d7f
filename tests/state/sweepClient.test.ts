import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { computeSweep, type SweepResult } from '../../src/scenario/sweep/sweepResult.ts';
import {
  runSweep,
  type SweepOptions,
  type SweepPortFactory,
  type SweepProgress,
} from '../../src/state/sweepClient.ts';
import { respondSweep } from '../../src/state/sweepWorker.ts';

const scenario = parseScenario({
  surface: { id: 'himmelblau' },
  steps: 300,
  noise: { sigma: 0.2, seed: 4 },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }],
  sweep: { kind: 'basins', resolution: [12, 10], seeds: 2 },
});

/** runSweep as a promise: the partial progress seen, and the result. */
function sweep(options: SweepOptions = {}, s = scenario) {
  const progress: SweepProgress[] = [];
  return new Promise<{ result: SweepResult; progress: SweepProgress[] }>((resolve, reject) =>
    runSweep(
      s,
      (_r, p) => progress.push({ ...p }),
      (result) => resolve({ result, progress }),
      (message) => reject(new Error(message)),
      options,
    ),
  );
}

/** Threads that answer out of order: each after a random delay (seeded, so repeatable). */
function shuffledThreads(failAfter: number | null = null): SweepPortFactory {
  let seed = 12345;
  const delay = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 7) + 1;
  let made = 0;
  return (onAnswer, onFail) => {
    const me = made++;
    let posts = 0;
    let stopped = false;
    return {
      post: (req) => {
        posts++;
        // The second thread dies on its second request, as a worker that crashed would.
        if (failAfter !== null && me === 1 && posts > failAfter) {
          setTimeout(() => onFail('out of memory'), 1);
          return;
        }
        setTimeout(() => !stopped && onAnswer(respondSweep(req)), delay());
      },
      stop: () => (stopped = true),
    };
  };
}

const same = (a: SweepResult, b: SweepResult) => {
  expect(Array.from(a.values)).toEqual(Array.from(b.values));
  expect(Array.from(a.ends!)).toEqual(Array.from(b.ends!));
};

describe('the sweep pool', () => {
  const reference = computeSweep(scenario);

  it('computes in-process where there are no Workers, range by range', async () => {
    const { result, progress } = await sweep();
    same(result, reference);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ done: 240, total: 240 });
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1].done)).toBe(true);
  });

  it('gives the same numbers with any number of threads answering in any order', async () => {
    for (const workers of [1, 2, 3, 4]) {
      const { result } = await sweep({ workers, spawn: shuffledThreads() });
      same(result, reference);
    }
  });

  it('hands a failed thread’s ranges to the others', async () => {
    const { result } = await sweep({ workers: 3, spawn: shuffledThreads(1) });
    same(result, reference);
  });

  it('delivers nothing after cancel', async () => {
    let partials = 0;
    let done = false;
    const cancel = runSweep(
      scenario,
      () => {
        partials++;
        if (partials === 1) cancel();
      },
      () => (done = true),
      () => (done = true),
      { workers: 2, spawn: shuffledThreads() },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(partials).toBe(1);
    expect(done).toBe(false);
  });

  it('reports a scenario without a sweep as an error', async () => {
    const { sweep: _none, ...plain } = scenario;
    await expect(sweep({}, plain)).rejects.toThrow('the scenario has no sweep');
  });
});
