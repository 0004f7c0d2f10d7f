/// <reference lib="webworker" />
import { respond, transferablesOf, type GridRequest } from './gridWorker.ts';

/** The grid worker's entry: answer each request, handing the arrays over rather than copying. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<GridRequest>) => {
  const res = respond(e.data);
  scope.postMessage(res, transferablesOf(res));
};
