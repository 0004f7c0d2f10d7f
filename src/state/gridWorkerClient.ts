import {
  LatestOnly,
  respond,
  type GridJob,
  type GridPicture,
  type GridRequest,
  type GridResponse,
} from './gridWorker.ts';

/**
 * The page's side of the grid worker (gridWorker.ts has the protocol): one worker for the page,
 * shared by the views, each view a GridChannel whose answers are its own.
 *
 * Where there is no Worker (Node, the unit tests) or the worker fails to start, the same
 * requests are answered in-process on a later task, so the callers see one behaviour.
 */
interface Port {
  post(req: GridRequest): void;
}

/** Requests not yet answered, by id: who asked, and what (to ask again if the worker dies). */
const pending = new Map<number, { channel: GridChannel; req: GridRequest }>();
let lastId = 0;
let port: Port | null = null;

const inProcess: Port = {
  post: (req) => setTimeout(() => deliver(respond(req)), 0),
};

function workerPort(): Port | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./gridWorker.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<GridResponse>) => deliver(e.data);
    worker.onerror = (e) => {
      // A worker that cannot load or crashed: answer everything still owed here instead,
      // so the view does not keep its last picture for ever.
      e.preventDefault();
      worker.terminate();
      console.warn(`grid worker failed (${e.message}); sampling on the main thread`);
      port = inProcess;
      for (const { req } of pending.values()) inProcess.post(req);
    };
    return { post: (req) => worker.postMessage(req) };
  } catch {
    return null;
  }
}

function deliver(res: GridResponse): void {
  const owner = pending.get(res.id);
  if (!owner) return;
  pending.delete(res.id);
  owner.channel.settle(res);
}

/** One view's line to the worker: the newest job's picture is handed to `onPicture`. */
export class GridChannel {
  private readonly latest = new LatestOnly(() => ++lastId);

  constructor(private readonly onPicture: (picture: GridPicture) => void) {}

  ask(job: GridJob): void {
    const req = this.latest.ask(job);
    if (req) this.send(req);
  }

  /** Drop whatever is still to come. */
  cancel(): void {
    this.latest.cancel();
  }

  settle(res: GridResponse): void {
    const { accepted, next } = this.latest.settle(res);
    if (next) this.send(next);
    if (!accepted) return;
    if ('picture' in accepted) this.onPicture(accepted.picture);
    // The main thread builds the same surface and reports its error; the last picture stays.
    else console.warn(`grid worker: ${accepted.error}`);
  }

  private send(req: GridRequest): void {
    pending.set(req.id, { channel: this, req });
    port ??= workerPort() ?? inProcess;
    port.post(req);
  }
}
