import { Worker } from 'node:worker_threads';
import type { Scenario } from '../src/scenario/scenario.ts';
import { computeSweep, type SweepResult } from '../src/scenario/sweep/sweepResult.ts';
import { closeSweepPool, runSweep, type SweepPortFactory } from '../src/state/sweepClient.ts';
import type { SweepResponse } from '../src/state/sweepWorker.ts';
import { medianAsync, medianMs, type BenchRow } from './harness.ts';
import { basinScenario, lrScenario } from './sweepWork.ts';

/** Issue 14's budgets, on this machine's two cores. */
const BASIN_BUDGET_MS = 2000;
const LR_BUDGET_MS = 1500;

/**
 * The two sweeps issue 14 budgets (sweepWork.ts), each on one thread (computeSweep, what
 * simulate runs) and through the page's pool (runSweep) on 2 worker threads, kept between
 * sweeps as the page keeps them (the warm-up round starts them); the pool's answer is checked
 * equal to one thread's, cell by cell.
 */
export async function benchSweeps(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases: [string, () => Scenario, number][] = [
    ['128 × 128 basin map × 300 steps of Adam on Rosenbrock', basinScenario, BASIN_BUDGET_MS],
    ['lr sweep: 8 runs × 60 lrs × 5 seeds × 500 steps on Rosenbrock', lrScenario, LR_BUDGET_MS],
  ];
  try {
    for (const [name, make, budgetMs] of cases)
      rows.push(...(await benchOne(name, make, budgetMs)));
  } finally {
    closeSweepPool();
  }
  return rows;
}

async function benchOne(name: string, make: () => Scenario, budgetMs: number): Promise<BenchRow[]> {
  const s = make();
  let one!: SweepResult;
  const oneMs = medianMs(() => (one = computeSweep(s)), 3, 1);
  const split = await medianAsync(() => pooled(s), 3, 1);
  const same = split.last.values.every((v, i) => Object.is(v, one.values[i]));
  if (!same) throw new Error(`${name}: the pool's cells differ from one thread's`);
  return [
    { name: `${name}, one thread`, ms: oneMs, note: 'reference, no budget' },
    { name: `${name}, the page's pool on 2 worker threads`, ms: split.ms, budgetMs },
  ];
}

/** A Node worker thread as a sweep port. */
const nodeThread: SweepPortFactory = (onAnswer, onFail) => {
  const worker = new Worker(new URL('./sweepWorker.mjs', import.meta.url));
  worker.on('message', (res: SweepResponse) => onAnswer(res));
  worker.on('error', (e) => onFail(e.message));
  return { post: (req) => worker.postMessage(req), stop: () => void worker.terminate() };
};

function pooled(s: Scenario): Promise<SweepResult> {
  return new Promise((resolve, reject) =>
    runSweep(
      s,
      () => {},
      resolve,
      (m) => reject(new Error(m)),
      { workers: 2, spawn: nodeThread },
    ),
  );
}
