/**
 * Times the JavaScript of every animation frame in a page. Installed with page.addInitScript
 * before the app's scripts run, it wraps requestAnimationFrame so each callback (the playhead's
 * tick, React Three Fiber's render loop, the probe's own waits excepted) is timed with
 * performance.now(). Callbacks given the same frame timestamp belong to one frame; their
 * durations add up to that frame's JS time. GPU work is not in it: WebGL calls only queue
 * commands for the GPU process (SwiftShader rasterises there), unless the queue is full.
 *
 * The function is serialised into the page, so it must not close over anything.
 */
export interface ProbeFrame {
  /** The rAF timestamp shared by the frame's callbacks. */
  ts: number;
  /** Summed duration of the frame's callbacks (ms). */
  js: number;
  /** Number of callbacks that ran in the frame. */
  callbacks: number;
  /** performance.now() when the frame's last callback returned. */
  end: number;
}

export interface FrameProbe {
  frames: ProbeFrame[];
  /** The unwrapped requestAnimationFrame, for waits that must not count as app JS. */
  raf(cb: FrameRequestCallback): number;
  /** WebGL programs linked so far (a shader compile; costly, and never needed for an edit). */
  links: number;
  /**
   * Other tasks the page ran (setTimeout callbacks and MessagePort messages, which is how
   * React's scheduler runs deferred renders and effects): start and end times, so a benchmark
   * can count every bit of JavaScript between an input and the frame that shows it.
   */
  tasks: { start: number; end: number }[];
}

export function installFrameProbe(): void {
  const raf = window.requestAnimationFrame.bind(window);
  const probe: FrameProbe = { frames: [], raf, links: 0, tasks: [] };
  const timed = <A extends unknown[], R>(fn: (...a: A) => R) =>
    function (this: unknown, ...a: A): R {
      const start = performance.now();
      try {
        return fn.apply(this, a);
      } finally {
        probe.tasks.push({ start, end: performance.now() });
      }
    };
  const setTimeout0 = window.setTimeout.bind(window);
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...a: unknown[]) =>
    setTimeout0(typeof fn === 'function' ? timed(fn as () => void) : fn, ms, ...a)) as never;
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get(this: MessagePort) {
      return onmessage.get!.call(this);
    },
    set(this: MessagePort, fn: ((e: MessageEvent) => void) | null) {
      onmessage.set!.call(this, fn ? timed(fn) : fn);
    },
  });
  let current: ProbeFrame | null = null;
  for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const link = C.prototype.linkProgram;
    C.prototype.linkProgram = function (this: WebGLRenderingContext, p: WebGLProgram) {
      probe.links++;
      return link.call(this, p);
    };
  }
  window.requestAnimationFrame = (cb: FrameRequestCallback): number =>
    raf((ts) => {
      const t0 = performance.now();
      try {
        cb(ts);
      } finally {
        const t1 = performance.now();
        if (!current || current.ts !== ts) {
          current = { ts, js: 0, callbacks: 0, end: t1 };
          probe.frames.push(current);
        }
        current.js += t1 - t0;
        current.callbacks++;
        current.end = t1;
      }
    });
  (window as unknown as { __frameProbe: FrameProbe }).__frameProbe = probe;
}

/** Median and 95th percentile of a list of numbers. */
export function medianP95(values: readonly number[]): { median: number; p95: number } {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, p95: NaN };
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95) };
}
