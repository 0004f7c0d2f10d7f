import { planSweep, type SweepPlan, type SweptScenario } from '../scenario/sweep/sweepPlan.ts';
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
 * A thread kept between sweeps: its answers go to whichever sweep holds it now. Reusing
 * threads spares each sweep the workers' start (loading the engine, warming its code up),
 * which on this machine cost more than the sweep itself.
 */
interface Thread {
  port: SweepPort;
  route: { answer(res: SweepResponse): void; fail(message: string): void };
}

/** Idle threads by how they were made. */
const idle = new Map<SweepPortFactory, Thread[]>();

function takeThread(spawn: SweepPortFactory): Thread | null {
  const kept = idle.get(spawn)?.pop();
  if (kept) return kept;
  const route: Thread['route'] = { answer: () => {}, fail: () => {} };
  const port = spawn(
    (res) => route.answer(res),
    (message) => route.fail(message),
  );
  return port ? { port, route } : null;
}

function releaseThread(spawn: SweepPortFactory, thread: Thread): void {
  thread.route.answer = () => {};
  thread.route.fail = () => {};
  let list = idle.get(spawn);
  if (!list) idle.set(spawn, (list = []));
  list.push(thread);
}

/** End the idle threads (a page that leaves the sweeps, a bench that is done). */
export function closeSweepPool(): void {
  for (const list of idle.values()) for (const t of list.splice(0)) t.port.stop();
}

/**
 * Compute a validated scenario's sweep (it must have one). `onPartial` gets the growing result
 * after each range arrives (the same object each time, filled in place: NaN marks cells still
 * to come) and the progress; `onDone` the complete result; `onError` a sentence, after which
 * nothing more is delivered. Returns cancel: it ends the threads still computing (the next
 * sweep starts new ones) and nothing more is delivered.
 */
export function runSweep(
  scenario: SweptScenario,
  onPartial: (result: SweepResult, progress: SweepProgress) => void,
  onDone: (result: SweepResult) => void,
  onError: (message: string) => void,
  options: SweepOptions = {},
): () => void {
  let over = false;
  /** The threads this sweep holds, with how each was made. */
  const threads: { thread: Thread; spawn: SweepPortFactory }[] = [];
  /** Cancel or error: end every thread (one may be mid-range). */
  const stop = () => {
    if (over) return;
    over = true;
    for (const { thread } of threads) thread.port.stop();
  };
  let plan: SweepPlan;
  try {
    plan = planSweep(scenario);
  } catch (e) {
    setTimeout(() => !over && onError((e as Error).message), 0);
    return stop;
  }
  const result = emptySweepResult(plan);
  const n = Math.max(1, Math.min(options.workers ?? poolSize(), plan.cells));
  // A network's cell is a whole training run, tens of milliseconds at least: one per range
  // (an infinite step count makes the ranges one cell long).
  const queue = sweepRanges(plan, 'model' in scenario ? Infinity : scenario.steps, n);
  /** What each request in flight asked for, to hand it to another thread if its own fails. */
  const inFlight = new Map<number, { thread: Thread; range: [number, number] }>();
  const busy = (t: Thread) => [...inFlight.values()].some((j) => j.thread === t);

  const next = (thread: Thread) => {
    const range = queue.shift();
    if (!range) return;
    const id = ++lastId;
    inFlight.set(id, { thread, range });
    thread.port.post({ id, scenario, plan, from: range[0], to: range[1] });
  };
  const answer = (res: SweepResponse) => {
    const asked = inFlight.get(res.id);
    if (over || !asked) return;
    inFlight.delete(res.id);
    if ('error' in res) {
      stop();
      onError(res.error);
      return;
    }
    addCells(result, res.cells);
    onPartial(result, { done: result.done, total: plan.cells });
    if (result.done === plan.cells) {
      over = true;
      for (const t of threads) releaseThread(t.spawn, t.thread);
      onDone(result);
    } else next(asked.thread);
  };
  const failed = (thread: Thread, message: string) => {
    if (over) return;
    console.warn(`sweep worker failed (${message}); computing on the main thread`);
    threads.splice(
      threads.findIndex((t) => t.thread === thread),
      1,
    );
    for (const [id, job] of inFlight)
      if (job.thread === thread) {
        inFlight.delete(id);
        queue.unshift(job.range);
      }
    if (threads.length === 0) start(inProcessPort);
    // The ranges put back go to whichever threads are idle now.
    else for (const t of threads) if (!busy(t.thread)) next(t.thread);
  };
  const start = (spawn: SweepPortFactory) => {
    const thread = takeThread(spawn);
    if (!thread) return false;
    thread.route.answer = answer;
    thread.route.fail = (message) => failed(thread, message);
    threads.push({ thread, spawn });
    next(thread);
    return true;
  };

  const spawn = options.spawn ?? workerPort;
  for (let i = 0; i < n; i++) if (!start(spawn)) break;
  if (threads.length === 0) start(inProcessPort);
  return stop;
}
