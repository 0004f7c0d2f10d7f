/// <reference lib="webworker" />
import { NetworkTrainer } from '../scenario/networkTrainer.ts';
import { respondPool, type PoolRequest } from './networkWorker.ts';

/**
 * A network worker's entry, one of the page's pool (networkPool.ts): one trainer for the
 * worker's life, so the runs the lead keeps are not re-trained.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const trainer = new NetworkTrainer();
scope.onmessage = (e: MessageEvent<PoolRequest>) =>
  respondPool(trainer, e.data, (res, transfer) => scope.postMessage(res, transfer));
