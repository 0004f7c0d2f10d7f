import type { Scenario } from '../scenario/scenario.ts';
import { planSweep, type SweepPlan } from '../scenario/sweep/sweepPlan.ts';
import { addCells, emptySweepResult, type SweepResult } from '../scenario/sweep/sweepResult.ts';
import { respondSweep, type SweepRequest, type SweepResponse } from './sweepWorker.ts';

/**
 * The page's side of the sweep workers (sweepWorker.ts has the protocol): a pool of
 * min(navigator.hardwareConcurrency, 4) workers, each handed its next range of cells when it
 * answers. The growing result is delivered after every range, with the progress; cancel ends
 * the workers (a range in flight cannot be interrupted any other way) and the next sweep starts
 * new ones. Where there is no Worker (Node, the unit tests) or a worker fails to start, the
 * ranges are computed in-process, one per task, so the page stays responsive and cancel works.
 */

/** How far a sweep has got: cells computed of all. */
export interface SweepProgress {
  done: number;
  total: number;
}

/** One computing thread as the pool sees it: post a request, answers come to `onAnswer`. */
export interface SweepPort {
  post(req: SweepRequest): void;
  stop(): void;
}

/** Makes a port whose answers (and failure) go to the callbacks; null when it cannot. */
export type SweepPortFactory = (
  onAnswer: (res: SweepResponse) => void,
  onFail: (message: string) => void,
) => SweepPort | null;

/** A port answering on a later task, on this thread. */
export const inProcessPort: SweepPortFactory = (onAnswer) => {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    post: (req) => {
      const t = setTimeout(() => {
        timers.delete(t);
        onAnswer(respondSweep(req));
      }, 0);
      timers.add(t);
    },
    stop: () => timers.forEach(clearTimeout),
  };
};

/** A port on a Web Worker, or null where there are none. */
export const workerPort: SweepPortFactory = (onAnswer, onFail) => {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./sweepWorker.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<SweepResponse>) => onAnswer(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      onFail(e.message);
    };
    return { post: (req) => worker.postMessage(req), stop: () => worker.terminate() };
  } catch {
    return null;
  }
};

/** How many workers: the machine's cores, at most 4 (1 where the browser does not say). */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.min(cores || 1, 4));
}

/** Optimizer steps per range of cells: a range is a few tens of milliseconds of work. */
const STEPS_PER_RANGE = 30_000;

/** The ranges [from, to) the cells are handed out in: small enough to share out evenly. */
export function sweepRanges(plan: SweepPlan, steps: number, workers: number): [number, number][] {
  const bySize = Math.max(1, Math.floor(STEPS_PER_RANGE / Math.max(1, steps)));
  const byBalance = Math.max(1, Math.ceil(plan.cells / (4 * workers)));
  const size = Math.min(bySize, byBalance);
  const out: [number, number][] = [];
  for (let from = 0; from < plan.cells; from += size)
    out.push([from, Math.min(plan.cells, from + size)]);
  return out;
}

export interface SweepOptions {
  /** How many threads (default poolSize()). */
  workers?: number;
  /** How a thread is made (default a Web Worker, else in-process). */
  spawn?: SweepPortFactory;
}

let lastId = 0;

/**
 * Compute a validated scenario's sweep (it must have one). `onPartial` gets the growing result
 * after each range arrives (the same object each time, filled in place: NaN marks cells still
 * to come) and the progress; `onDone` the complete result; `onError` a sentence, after which
 * nothing more is delivered. Returns cancel: it stops the work and nothing more is delivered.
 */
export function runSweep(
  scenario: Scenario,
  onPartial: (result: SweepResult, progress: SweepProgress) => void,
  onDone: (result: SweepResult) => void,
  onError: (message: string) => void,
  options: SweepOptions = {},
): () => void {
  let over = false;
  const ports: SweepPort[] = [];
  const finish = () => {
    over = true;
    for (const p of ports) p.stop();
  };
  let plan: SweepPlan;
  try {
    plan = planSweep(scenario);
  } catch (e) {
    setTimeout(() => !over && onError((e as Error).message), 0);
    return finish;
  }
  const result = emptySweepResult(plan);
  const n = Math.max(1, Math.min(options.workers ?? poolSize(), plan.cells));
  const queue = sweepRanges(plan, scenario.steps, n);
  /** What each request in flight asked for, to hand it to another thread if its own fails. */
  const inFlight = new Map<number, { port: SweepPort; range: [number, number] }>();

  const next = (port: SweepPort) => {
    const range = queue.shift();
    if (!range) return;
    const id = ++lastId;
    inFlight.set(id, { port, range });
    port.post({ id, scenario, plan, from: range[0], to: range[1] });
  };
  const answer = (res: SweepResponse) => {
    const asked = inFlight.get(res.id);
    if (over || !asked) return;
    inFlight.delete(res.id);
    if ('error' in res) {
      finish();
      onError(res.error);
      return;
    }
    addCells(result, res.cells);
    onPartial(result, { done: result.done, total: plan.cells });
    if (result.done === plan.cells) {
      finish();
      onDone(result);
    } else next(asked.port);
  };
  const failed = (port: SweepPort) => (message: string) => {
    if (over) return;
    console.warn(`sweep worker failed (${message}); computing on the main thread`);
    ports.splice(ports.indexOf(port), 1);
    for (const [id, job] of inFlight)
      if (job.port === port) {
        inFlight.delete(id);
        queue.unshift(job.range);
      }
    if (ports.length === 0) start(inProcessPort);
    // The ranges put back go to whichever threads are idle now.
    else for (const p of ports) if (![...inFlight.values()].some((j) => j.port === p)) next(p);
  };
  const start = (spawn: SweepPortFactory) => {
    let port: SweepPort | null = null;
    port = spawn(answer, (m) => failed(port!)(m));
    if (!port) return false;
    ports.push(port);
    next(port);
    return true;
  };

  const spawn = options.spawn ?? workerPort;
  for (let i = 0; i < n; i++) if (!start(spawn)) break;
  if (ports.length === 0) start(inProcessPort);
  return finish;
}
