/**
 * A bench worker thread (bundled beside bench/run.ts by scripts/bench.mjs). Each job builds its
 * network from the spec, as a page worker builds its model from a plain-data job, and answers.
 */
import { parentPort } from 'node:worker_threads';
import { doNetworkJob, networkWork, type NetworkJob } from './networkWork.ts';

parentPort!.on('message', (job: NetworkJob) => {
  const answer = doNetworkJob(networkWork(), job);
  parentPort!.postMessage(
    answer,
    answer.map((a) => a.buffer as ArrayBuffer),
  );
});
