import type { ModelScenario } from '../scenario/modelScenario.ts';
import type { AnalysisRef } from '../scenario/networkAnalysis.ts';
import { NetworkPool, poolSize, webWorkerPort, type PortFactory } from './networkPool.ts';
import type { NetworkPicture, NetworkRequest, NetworkResponse } from './networkWorker.ts';

/**
 * The page's side of the network workers (networkWorker.ts has the protocol, networkPool.ts
 * splits a job across the pool). One job at a time: an edit made while the pool trains waits,
 * and only the newest waiting one is sent when the pool is free, so a slider drag costs at most
 * one stale job. Cancel ends every worker (their synchronous training cannot be interrupted any
 * other way) and the next job starts a new pool, which re-trains every run. Where there is no
 * Worker (Node, the unit tests) the same trainers answer in-process on a later task.
 */
export interface NetworkListener {
  picture(p: NetworkPicture): void;
  progress(done: number, total: number, what: string): void;
  error(message: string): void;
}

export class NetworkChannel {
  private port: NetworkPool | null = null;
  private inFlight: number | null = null;
  private waiting: Omit<NetworkRequest, 'id'> | null = null;
  private lastId = 0;

  /** `size` workers made by `makePort` (by default the page's Web Workers, one per core). */
  constructor(
    private readonly listener: NetworkListener,
    private readonly size = poolSize(),
    private readonly makePort: PortFactory = webWorkerPort,
  ) {}

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
    this.port ??= new NetworkPool(this.size, this.makePort, (r) => this.deliver(r));
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
      // A worker itself failed (the pool has ended them all): nothing they owed will come.
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
