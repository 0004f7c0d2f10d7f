import type { ModelScenario } from '../scenario/modelScenario.ts';
import type { AnalysisRef } from '../scenario/networkAnalysis.ts';
import { NetworkTrainer } from '../scenario/networkTrainer.ts';
import {
  respondNetwork,
  type NetworkPicture,
  type NetworkRequest,
  type NetworkResponse,
} from './networkWorker.ts';

/**
 * The page's side of the network worker (networkWorker.ts has the protocol). One job at a time:
 * an edit made while the worker trains waits, and only the newest waiting one is sent when the
 * worker is free, so a slider drag costs at most one stale job. Cancel ends the worker (its
 * synchronous training cannot be interrupted any other way) and the next job starts a new one,
 * which re-trains every run. Where there is no Worker (Node, the unit tests) the same trainer
 * answers in-process on a later task.
 */
export interface NetworkListener {
  picture(p: NetworkPicture): void;
  progress(done: number, total: number, what: string): void;
  error(message: string): void;
}

interface Port {
  post(req: NetworkRequest): void;
  stop(): void;
}

function inProcess(deliver: (res: NetworkResponse) => void): Port {
  const trainer = new NetworkTrainer();
  return {
    post: (req) => setTimeout(() => respondNetwork(trainer, req, deliver), 0),
    stop: () => {},
  };
}

function workerPort(deliver: (res: NetworkResponse) => void): Port | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./networkWorker.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<NetworkResponse>) => deliver(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      deliver({ id: -1, error: `the training worker failed (${e.message})` });
    };
    return { post: (req) => worker.postMessage(req), stop: () => worker.terminate() };
  } catch {
    return null;
  }
}

export class NetworkChannel {
  private port: Port | null = null;
  private inFlight: number | null = null;
  private waiting: Omit<NetworkRequest, 'id'> | null = null;
  private lastId = 0;

  constructor(private readonly listener: NetworkListener) {}

  /** Whether a job is being computed. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  ask(scenario: ModelScenario, analysis: AnalysisRef): void {
    if (this.inFlight !== null) {
      this.waiting = { scenario, analysis };
      return;
    }
    const id = ++this.lastId;
    this.inFlight = id;
    this.port ??= workerPort((r) => this.deliver(r)) ?? inProcess((r) => this.deliver(r));
    this.port.post({ id, scenario, analysis });
  }

  /** Stop the job in flight and drop the waiting one; what is drawn stays. */
  cancel(): void {
    this.waiting = null;
    if (this.inFlight === null) return;
    this.inFlight = null;
    this.port?.stop();
    this.port = null;
  }

  private deliver(res: NetworkResponse): void {
    if (res.id === -1) {
      // The worker itself failed: nothing it owed will come.
      this.port = null;
      this.inFlight = null;
      this.waiting = null;
      this.listener.error((res as { error: string }).error);
      return;
    }
    if (res.id !== this.inFlight) return;
    if ('progress' in res) {
      // Progress of a job an edit has overtaken is not worth showing as if it were the newest.
      if (!this.waiting)
        this.listener.progress(res.progress.done, res.progress.total, res.progress.what);
      return;
    }
    if ('more' in res) {
      // The job goes on (measuring the sharpness); what it has so far is drawn unless overtaken.
      if (!this.waiting) this.listener.picture(res.picture);
      return;
    }
    this.inFlight = null;
    const next = this.waiting;
    this.waiting = null;
    if (next) this.ask(next.scenario, next.analysis);
    else if ('picture' in res) this.listener.picture(res.picture);
    else this.listener.error(res.error);
  }
}
