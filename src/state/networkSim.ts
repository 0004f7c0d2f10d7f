import { LIMITS, type Scenario } from '../scenario/scenario.ts';
import type { AnalysisRef } from '../scenario/networkAnalysis.ts';
import {
  parseModelScenario,
  type IterateRef,
  type ModelRef,
  type ModelScenario,
  type SliceRef,
} from '../scenario/modelScenario.ts';
import { sliceSurface } from '../models/landscape/sliceSurface.ts';
import { NetworkChannel } from './networkClient.ts';
import type { NetworkPicture } from './networkWorker.ts';
import { playhead, requestDraw } from './playhead.ts';
import { publish, sim } from './simulation.ts';

/** The network lab's own settings; runs, steps, noise and view are the scenario's. */
export interface NetworkSetup {
  model: ModelRef;
  slice: SliceRef;
  /** The line and sharpness views (the page's, not part of a network scenario). */
  analysis: AnalysisRef;
}

/** An iterate of a run that no longer exists reads as the same iterate of the first run. */
const existing = (p: IterateRef, runs: number): IterateRef => (p.run < runs ? p : { ...p, run: 0 });

/**
 * The network lab's transient tier: the worker's picture drawn through the same `sim` the
 * surfaces fill, so the map, the mesh, the timeline and the plots draw a network's slice and
 * its runs' projected paths without knowing it is one. The slice becomes a surface of (α, β)
 * (sliceSurface), each run a 2-D path in its plane with its true losses (projectedRun).
 */
function show(p: NetworkPicture, span: number): void {
  sim.network = p;
  sim.training = null;
  sim.networkError = null;
  sim.runErrors = p.runErrors;
  sim.results = p.runs;
  const first = p.runs.find((r) => r !== null);
  sim.built = p.slice
    ? {
        objective: sliceSurface(p.slice.alphas, p.slice.betas, p.slice.losses),
        domain: { xMin: -span, xMax: span, yMin: -span, yMax: span },
        axes: ['α', 'β'],
        start: first ? [first.trajectory[0], first.trajectory[1]] : [0, 0],
      }
    : null;
  sim.error = p.slice ? null : 'no run could be trained, so there is no slice to draw';
  // As for a surface edit: the whole of every path at once.
  playhead.step = playhead.maxStep;
  publish();
  requestDraw();
}

let askedSpan = 1;
/** The last network scenario the settings made (validated), for Copy as PyTorch. */
let asked: ModelScenario | null = null;
export const currentNetworkScenario = (): ModelScenario | null => asked;
const channel = new NetworkChannel({
  picture: (p) => show(p, askedSpan),
  progress: (done, total, what) => {
    sim.training = { done, total, what };
    publish();
  },
  error: (message) => {
    sim.training = null;
    sim.networkError = message;
    publish();
  },
});

/**
 * The network scenario the lab's settings make, as untrusted data for its schema: the setup's
 * model and slice with the scenario's steps, noise and runs (no start: a network's runs start
 * at its init). `sweep`: the sweep to check with it (the sweep panel's draft, the shown one).
 */
export function networkInput(s: Scenario, setup: NetworkSetup, sweep?: unknown) {
  const input: Record<string, unknown> = {
    model: setup.model,
    slice: setup.slice,
    steps: s.steps,
    noise: s.noise,
    runs: s.runs.map((r) => ({ ...r, start: null })),
  };
  if (sweep) input.sweep = sweep;
  return input;
}

/**
 * Ask the worker for the network scenario these settings make. Validated here, at the edge, by
 * the network scenario's one schema: a 10⁹-weight network or too much work gets its message
 * and the last picture stays.
 */
export function trainNetwork(s: Scenario, setup: NetworkSetup): void {
  let parsed;
  try {
    parsed = parseModelScenario(networkInput(s, setup));
  } catch (e) {
    channel.cancel();
    sim.training = null;
    // A whole-scenario check's message has no field path before its colon.
    sim.networkError = (e as Error).message.replace(/^:\s*/, '');
    publish();
    return;
  }
  askedSpan = parsed.slice?.span ?? 1;
  asked = parsed;
  playhead.maxStep = Math.min(s.steps, LIMITS.maxSteps);
  sim.networkError = null;
  sim.training = { done: 0, total: 1, what: 'training' };
  publish();
  const { line, sharpness } = setup.analysis;
  const n = s.runs.length;
  channel.ask(parsed, {
    line: { from: existing(line.from, n), to: existing(line.to, n) },
    sharpness,
  });
}

/** Stop training; the last picture stays. */
export function cancelTraining(): void {
  channel.cancel();
  sim.training = null;
  sim.networkError = 'training cancelled: the picture shows the last finished result';
  publish();
}

/** Leaving the network lab: nothing of it stays drawn. */
export function forgetNetwork(): void {
  channel.cancel();
  asked = null;
  sim.network = null;
  sim.training = null;
  sim.networkError = null;
}
