/**
 * The playhead lives outside React: a requestAnimationFrame loop advances it while playing and
 * tells frame subscribers (the 3D scene's invalidate, the 2D map, the plots' cursor, the
 * timeline) to redraw. React only hears about play/pause through the store.
 */
export const playhead = {
  /** The step shown, fractional while playing (drawn rounded down). */
  step: 0,
  /** Last step of the scenario. */
  maxStep: 0,
  /** Steps per second. */
  speed: 60,
  playing: false,
};

type FrameFn = () => void;
const frameListeners = new Set<FrameFn>();
let raf = 0;
let last = 0;

export function onFrame(fn: FrameFn): () => void {
  frameListeners.add(fn);
  return () => frameListeners.delete(fn);
}

/** Ask every frame subscriber to redraw once (after an edit while paused). */
export function requestDraw(): void {
  if (raf) return;
  raf = requestAnimationFrame(tick);
}

function tick(now: number) {
  raf = 0;
  if (playhead.playing) {
    const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
    last = now;
    playhead.step = Math.min(playhead.maxStep, playhead.step + playhead.speed * dt);
    if (playhead.step >= playhead.maxStep) {
      playhead.playing = false;
      stopListeners.forEach((f) => f());
    }
  } else last = 0;
  for (const fn of frameListeners) fn();
  if (playhead.playing) raf = requestAnimationFrame(tick);
}

const stopListeners = new Set<() => void>();
/** Called when playback reaches the end by itself. */
export function onPlaybackEnd(fn: () => void): () => void {
  stopListeners.add(fn);
  return () => stopListeners.delete(fn);
}

export function setPlaying(on: boolean): void {
  if (on && playhead.step >= playhead.maxStep) playhead.step = 0;
  playhead.playing = on;
  last = 0;
  requestDraw();
}

export function seek(step: number): void {
  playhead.step = Math.max(0, Math.min(playhead.maxStep, step));
  requestDraw();
}

/** The integer step currently drawn. */
export const shownStep = () => Math.floor(playhead.step);
