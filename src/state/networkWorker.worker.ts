/// <reference lib="webworker" />
import { NetworkTrainer } from '../scenario/networkTrainer.ts';
import { respondNetwork, type NetworkRequest } from './networkWorker.ts';

/** The network worker's entry: one trainer for the page's life, so kept runs are not re-trained. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const trainer = new NetworkTrainer();
scope.onmessage = (e: MessageEvent<NetworkRequest>) =>
  respondNetwork(trainer, e.data, (res) => scope.postMessage(res));
