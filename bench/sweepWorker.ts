/**
 * A bench worker thread for the sweeps suite (bundled beside bench/run.ts by scripts/bench.mjs):
 * the page's sweep worker (src/state/sweepWorker.ts) on Node's worker_threads.
 */
import { parentPort } from 'node:worker_threads';
import { respondSweep, sweepTransferables, type SweepRequest } from '../src/state/sweepWorker.ts';

parentPort!.on('message', (req: SweepRequest) => {
  const res = respondSweep(req);
  parentPort!.postMessage(res, sweepTransferables(res));
});
