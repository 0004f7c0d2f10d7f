import { Worker } from 'node:worker_threads';
import { medianMs, type BenchRow } from './harness.ts';
import {
  networkWork,
  NETWORK_RUNS,
  PLANE_RESOLUTION,
  type NetworkAnswer,
  type NetworkJob,
} from './networkWork.ts';

/** Issue 13's budgets for a real network's work (on the page's worker pool). */
const PLANE_BUDGET_MS = 1500;
const TRAIN_BUDGET_MS = 2000;

/**
 * A real network's work at the sizes issue 13 names (networkWork.ts): a 41 × 41
 * filter-normalised plane of a 1,082-weight MLP on 500 points, and 4 runs × 500 steps of
 * batch-32 training with the full training loss at every iterate. Each on one thread, and split
 * across two worker threads as the page's pool would split it (the plane by rows, planeRows;
 * the training by runs), the answers checked equal to one thread's.
 */
export async function benchModels(): Promise<BenchRow[]> {
  const work = networkWork();
  const all = NETWORK_RUNS.map((_, i) => i);
  let plane = work.plane(0, PLANE_RESOLUTION);
  let losses = work.train(all);
  const planeMs = medianMs(() => (plane = work.plane(0, PLANE_RESOLUTION)), 3, 1);
  const trainMs = medianMs(() => (losses = work.train(all)), 3, 1);

  const pool = [0, 1].map(() => new Worker(new URL('./modelsWorker.mjs', import.meta.url)));
  try {
    const half = Math.ceil(PLANE_RESOLUTION / 2);
    const planeJobs: NetworkJob[] = [
      { kind: 'plane', from: 0, to: half },
      { kind: 'plane', from: half, to: PLANE_RESOLUTION },
    ];
    const trainJobs: NetworkJob[] = [
      { kind: 'train', runs: [0, 1] },
      { kind: 'train', runs: [2, 3] },
    ];
    const split = (jobs: NetworkJob[]) =>
      Promise.all(jobs.map((job, i) => ask(pool[i], job))).then((a) => a.flat());
    const planeSplit = await medianAsync(() => split(planeJobs), 3, 1);
    const trainSplit = await medianAsync(() => split(trainJobs), 3, 1);
    // Deterministic whatever the number of workers: the halves are one thread's answer.
    same('plane', [concat(planeSplit.last)], [plane]);
    same('training', trainSplit.last, losses);
    const planeName = `${PLANE_RESOLUTION} × ${PLANE_RESOLUTION} filter-normalised plane, ${work.weights}-weight MLP [30, 30] on 500 points`;
    const trainName = `4 runs × 500 steps of batch-32 training, full training loss at every iterate`;
    return [
      { name: `${planeName}, one thread`, ms: planeMs, budgetMs: PLANE_BUDGET_MS },
      {
        name: `${planeName}, rows split across 2 worker threads`,
        ms: planeSplit.ms,
        budgetMs: PLANE_BUDGET_MS,
      },
      { name: `${trainName}, one thread`, ms: trainMs, note: 'reference, no budget' },
      {
        name: `${trainName}, 2 runs on each of 2 worker threads`,
        ms: trainSplit.ms,
        budgetMs: TRAIN_BUDGET_MS,
      },
    ];
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function ask(worker: Worker, job: NetworkJob): Promise<NetworkAnswer> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

/** medianMs for work that answers later, with the last answer. */
async function medianAsync<T>(
  fn: () => Promise<T>,
  samples: number,
  warmup: number,
): Promise<{ ms: number; last: T }> {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], last };
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function same(what: string, a: Float64Array[], b: Float64Array[]): void {
  const ok = a.length === b.length && a.every((x, i) => x.every((v, k) => Object.is(v, b[i][k])));
  if (!ok) throw new Error(`the ${what} split across workers differs from one thread's`);
}
