import { NetworkTrainer } from '../scenario/networkTrainer.ts';
import {
  buffersOf,
  respondPool,
  type NetworkRequest,
  type NetworkResponse,
  type PoolRequest,
  type PoolResponse,
} from './networkWorker.ts';

/** One worker of the pool, or its in-process stand-in: messages each way, and its end. */
export interface PoolPort {
  post(req: PoolRequest, transfer: ArrayBuffer[]): void;
  stop(): void;
}

/** Makes a pool's worker that answers through `deliver`. */
export type PortFactory = (deliver: (res: PoolResponse) => void) => PoolPort;

/**
 * How many workers the page trains on: one per core up to 4 (the lab's scenarios have few
 * runs; more workers would sit idle and each holds a copy of the model), at least 1.
 */
export function poolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency;
  return Math.max(1, Math.min(Number.isFinite(cores) ? cores : 1, 4));
}

/**
 * A worker answered in-process on a later task, for where there is no Worker (Node, the unit
 * tests). Messages are structured-cloned with their transfer lists, as a worker's are, so the
 * in-process pool proves the protocol's messages are plain data and its transfers safe.
 */
export const inProcessPort: PortFactory = (deliver) => {
  const trainer = new NetworkTrainer();
  let stopped = false;
  const send = (res: PoolResponse, transfer: ArrayBuffer[]) => {
    if (!stopped) deliver(structuredClone(res, { transfer }));
  };
  return {
    post: (req, transfer) => {
      const copy = structuredClone(req, { transfer });
      setTimeout(() => !stopped && respondPool(trainer, copy, send), 0);
    },
    stop: () => (stopped = true),
  };
};

/** A Web Worker of the pool, or null where there is none (then the pool works in-process). */
export const webWorkerPort: PortFactory = (deliver) => {
  if (typeof Worker === 'undefined') return inProcessPort(deliver);
  try {
    const worker = new Worker(new URL('./networkWorker.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<PoolResponse>) => deliver(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      deliver({ id: -1, error: `the training worker failed (${e.message})` });
    };
    return {
      post: (req, transfer) => worker.postMessage(req, transfer),
      stop: () => worker.terminate(),
    };
  } catch {
    return inProcessPort(deliver);
  }
};

interface Job {
  req: NetworkRequest;
  /** Runs being trained (by all workers), and how many have been. */
  total: number;
  done: number;
  /** Workers whose share of the runs has not come back yet; null before the shares are out. */
  pending: number | null;
  /** The new slice's losses as the workers' rows come in, and how many are still out. */
  losses: Float64Array | null;
  rowsOut: number;
  /** Losses per row (the β axis's length). */
  stride: number;
}

/**
 * One network job at a time, split across a pool of workers (issue 13: the training budget
 * needs both cores). The lead (worker 0) keeps every run's result in its NetworkTrainer, so the
 * cache, the slice, the line, the sharpness and the picture are the single-worker code's: the
 * pool asks the lead which runs it lacks, deals them round-robin to all workers (the lead
 * trains and keeps its own share), forwards the helpers' results to the lead with their typed
 * arrays transferred; when the job has a new slice, the lead fits its plane (fitSlice) and every
 * worker computes a block of its rows (planeRows); then the lead gets the job itself with those
 * losses, and finds every run kept. An
 * edit to one run is one run missing: the lead trains it alone. The answers are the
 * NetworkResponses of one worker, for NetworkChannel; every run is trained by the same
 * runModel whichever worker trains it, so the picture is one trainer's bit for bit.
 */
export class NetworkPool {
  private readonly ports: PoolPort[];
  private job: Job | null = null;

  constructor(
    size: number,
    makePort: PortFactory,
    private readonly deliver: (res: NetworkResponse) => void,
  ) {
    this.ports = Array.from({ length: Math.max(1, size) }, (_, w) =>
      makePort((res) => this.receive(w, res)),
    );
  }

  get size(): number {
    return this.ports.length;
  }

  post(req: NetworkRequest): void {
    this.job = { req, total: 0, done: 0, pending: null, losses: null, rowsOut: 0, stride: 0 };
    this.ports[0].post({ id: req.id, need: req.scenario }, []);
  }

  /** End every worker: a job's synchronous training cannot be interrupted any other way. */
  stop(): void {
    this.job = null;
    for (const p of this.ports) p.stop();
  }

  private receive(w: number, res: PoolResponse): void {
    if (res.id === -1) {
      this.stop();
      this.deliver(res as NetworkResponse);
      return;
    }
    const job = this.job;
    if (!job || res.id !== job.req.id) return;
    const { id, scenario } = job.req;
    if ('need' in res) {
      const shares = this.ports.map((_, k) =>
        res.need.filter((_, j) => j % this.ports.length === k),
      );
      const busy = shares.map((runs, k) => ({ runs, k })).filter((s) => s.runs.length > 0);
      job.total = res.need.length;
      job.pending = busy.length;
      for (const { runs, k } of busy) this.ports[k].post({ id, scenario, runs, keep: k === 0 }, []);
      if (job.pending === 0) this.ports[0].post({ id, fit: scenario }, []);
    } else if ('trained' in res) {
      if (w !== 0) {
        const { trained, results } = res;
        this.ports[0].post({ id, scenario, kept: trained, results }, buffersOf(results));
      }
      // The lead takes messages in order: the slice is fitted after every result is kept.
      if (--job.pending! === 0) this.ports[0].post({ id, fit: scenario }, []);
    } else if ('fitted' in res) {
      const { fitted } = res;
      if (!fitted) {
        this.ports[0].post(job.req, []);
        return;
      }
      // The plane's rows in one contiguous block per worker (planeRows: bit for bit the same).
      const n = fitted.alphas.length;
      const blocks = this.ports
        .map((_, k) => [
          Math.floor((k * n) / this.ports.length),
          Math.floor(((k + 1) * n) / this.ports.length),
        ])
        .filter(([from, to]) => to > from);
      job.losses = new Float64Array(n * fitted.betas.length);
      job.rowsOut = blocks.length;
      job.stride = fitted.betas.length;
      blocks.forEach(([from, to], k) =>
        this.ports[k].post({ id, scenario, fitted, rows: [from, to] }, []),
      );
    } else if ('rows' in res) {
      job.losses!.set(res.rows, res.from * job.stride);
      if (--job.rowsOut === 0) {
        const losses = job.losses!;
        this.ports[0].post({ ...job.req, losses }, [losses.buffer as ArrayBuffer]);
      }
    } else if ('progress' in res) {
      // While the runs are trained, a run done by any worker counts towards the pool's total;
      // then the lead's own progress (the slice, the sharpness) as it says.
      if (job.pending === 0) this.deliver(res);
      else
        this.deliver({
          id,
          progress: { done: ++job.done, total: job.total, what: res.progress.what },
        });
    } else {
      // The job's last answer, unless it is the first picture of a job that goes on.
      if (!('more' in res && res.more)) this.job = null;
      this.deliver(res);
    }
  }
}
