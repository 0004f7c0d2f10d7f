import { Worker } from 'node:worker_threads';
import { parseModelScenario, type ModelScenario } from '../src/scenario/modelScenario.ts';
import { NetworkPool, type PortFactory } from '../src/state/networkPool.ts';
import type { NetworkPicture, NetworkResponse } from '../src/state/networkWorker.ts';
import { medianAsync, medianMs, type BenchRow } from './harness.ts';
import { networkWork, NETWORK_RUNS, PLANE_RESOLUTION } from './networkWork.ts';

/** Issue 13's budgets for a real network's work (on the page's worker pool). */
const PLANE_BUDGET_MS = 1500;
const TRAIN_BUDGET_MS = 2000;
const POOL_SIZE = 2;

/** networkWork's network, runs and plane as the network scenario the page would send. */
/** `plane`: the slice's seed, or null for none; `seed`: the noise's. */
function scenarioOf(plane: number | null, seed: number): ModelScenario {
  return parseModelScenario({
    model: {
      data: { name: 'moons', n: 500, noise: 0.1, seed: 1 },
      hidden: [30, 30],
      activation: 'tanh',
      init: { seed: 1 },
      batch_size: 32,
      shuffle: false,
    },
    steps: 500,
    // The noise's seed is in every run's key and draws nothing here (no noise, no shuffle):
    // a new one makes the pool train every run again, the same runs.
    noise: { sigma: 0, seed },
    runs: NETWORK_RUNS.map(([optimizer, lr]) => ({ optimizer, params: { lr } })),
    ...(plane !== null && {
      slice: {
        plane: 'filter_normalized',
        seed: plane,
        center: { run: 0, step: 0 },
        span: 1,
        resolution: PLANE_RESOLUTION,
      },
    }),
  });
}

/** The page's pool's worker, on a Node thread (networkPoolWorker.ts). */
const nodeWorkerPort: PortFactory = (deliver) => {
  const worker = new Worker(new URL('./networkPoolWorker.mjs', import.meta.url));
  worker.on('message', deliver);
  worker.on('error', (e) => deliver({ id: -1, error: e.message }));
  return {
    post: (req, transfer) => worker.postMessage(req, transfer),
    stop: () => void worker.terminate(),
  };
};

/**
 * A real network's work at the sizes issue 13 names (networkWork.ts): a 41 × 41
 * filter-normalised plane of a 1,082-weight MLP on 500 points, and 4 runs × 500 steps of
 * batch-32 training with the full training loss at every iterate. Each on one thread, for
 * reference, and as the page does it: a job of the page's own worker pool (networkPool.ts,
 * two worker threads running networkWorker.ts), timed from the request to the last picture.
 * The training job has no slice (the runs and their pictures); the plane job a new slice over
 * runs the pool keeps. The pool's plane and losses are checked equal to one thread's.
 */
export async function benchModels(): Promise<BenchRow[]> {
  const work = networkWork();
  const all = NETWORK_RUNS.map((_, i) => i);
  let plane = work.plane(0, PLANE_RESOLUTION);
  let losses = work.train(all);
  const planeMs = medianMs(() => (plane = work.plane(0, PLANE_RESOLUTION)), 3, 1);
  const trainMs = medianMs(() => (losses = work.train(all)), 3, 1);

  let answer: (res: NetworkResponse) => void = () => {};
  const pool = new NetworkPool(POOL_SIZE, nodeWorkerPort, (res) => answer(res));
  let id = 0;
  const job = (s: ModelScenario) =>
    new Promise<NetworkPicture>((resolve, reject) => {
      answer = (res) => {
        if ('error' in res) reject(new Error(res.error));
        else if ('picture' in res && !res.more) resolve(res.picture);
      };
      pool.post({
        id: ++id,
        scenario: s,
        analysis: {
          line: { from: { run: 0, step: 0 }, to: { run: 1, step: -1 } },
          sharpness: false,
        },
      });
    });
  try {
    let seed = 0;
    const trainSplit = await medianAsync(() => job(scenarioOf(null, ++seed)), 3, 1);
    // The runs of the last training job are kept: each plane job computes only its slice.
    const planeSplit = await medianAsync(() => job(scenarioOf(3, seed)), 1, 0);
    let planeSeed = 3;
    const planeAgain = await medianAsync(() => job(scenarioOf(++planeSeed, seed)), 3, 1);
    // The pool's plane through the initial weights with seed 3 and its runs' full losses are
    // one thread's, bit for bit.
    same('plane', [planeSplit.last.slice!.losses], [plane]);
    same(
      'training',
      planeSplit.last.runs.map((r) => r!.losses),
      losses,
    );
    const planeName = `${PLANE_RESOLUTION} × ${PLANE_RESOLUTION} filter-normalised plane, ${work.weights}-weight MLP [30, 30] on 500 points`;
    const trainName = `4 runs × 500 steps of batch-32 training, full training loss at every iterate`;
    return [
      { name: `${planeName}, one thread`, ms: planeMs, note: 'reference, no budget' },
      {
        name: `${planeName}, the page's pool of ${POOL_SIZE} workers (a new slice, runs kept)`,
        ms: planeAgain.ms,
        budgetMs: PLANE_BUDGET_MS,
      },
      { name: `${trainName}, one thread`, ms: trainMs, note: 'reference, no budget' },
      {
        name: `${trainName}, the page's pool of ${POOL_SIZE} workers (with test losses, regions and the line)`,
        ms: trainSplit.ms,
        budgetMs: TRAIN_BUDGET_MS,
      },
    ];
  } finally {
    pool.stop();
  }
}

function same(what: string, a: Float64Array[], b: Float64Array[]): void {
  const ok = a.length === b.length && a.every((x, i) => x.every((v, k) => Object.is(v, b[i][k])));
  if (!ok) throw new Error(`the ${what} from the page's pool differs from one thread's`);
}
