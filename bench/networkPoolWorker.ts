/**
 * A bench worker thread running the page's network worker (bundled beside bench/run.ts by
 * scripts/bench.mjs): the same protocol handler and trainer as networkWorker.worker.ts, on
 * Node's worker_threads instead of a Web Worker, so the bench times the page's own pool.
 */
import { parentPort } from 'node:worker_threads';
import { NetworkTrainer } from '../src/scenario/networkTrainer.ts';
import { respondPool, type PoolRequest } from '../src/state/networkWorker.ts';

const trainer = new NetworkTrainer();
parentPort!.on('message', (req: PoolRequest) =>
  respondPool(trainer, req, (res, transfer) => parentPort!.postMessage(res, transfer)),
);
