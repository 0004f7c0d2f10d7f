/// <reference lib="webworker" />
import { respondSweep, sweepTransferables, type SweepRequest } from './sweepWorker.ts';

/** The sweep worker's entry: compute each range of cells, handing the arrays over. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<SweepRequest>) => {
  const res = respondSweep(e.data);
  scope.postMessage(res, sweepTransferables(res));
};
