import type { RunResult } from '../engine/run.ts';
import { runOne, runStart, buildSurface, type BuiltSurface } from '../scenario/runScenario.ts';
import type { Scenario, ScenarioRun, SurfaceRef } from '../scenario/scenario.ts';
import { runProblem } from '../scenario/runProblem.ts';
import type { NetworkPicture } from './networkWorker.ts';

/**
 * The transient tier: engine results for the current scenario, recomputed synchronously when
 * the scenario changes (8 runs × 5,000 steps take a few ms, so a slider drag is drawn by the
 * next frame). This is deliberately not React or zustand state: the scene and plots read it
 * in their frame callbacks, and only `version` bumps tell React-rendered readouts to refresh.
 */
export interface Simulation {
  version: number;
  built: BuiltSurface | null;
  /** What the built surface was made from, to skip rebuilding when only runs change. */
  surfaceKey: string;
  results: (RunResult | null)[];
  /** Per run: why it cannot run (torch would refuse these settings), or null. */
  runErrors: (string | null)[];
  /** A message when the surface could not be built (should not happen for validated input). */
  error: string | null;
  /** In the network lab: the worker's last picture (networkSim.ts), else null. */
  network: NetworkPicture | null;
  /** While the worker trains: how far it is. */
  training: { done: number; total: number; what: string } | null;
  /** Why the network could not be trained as set (the last picture stays drawn). */
  networkError: string | null;
}

export const sim: Simulation = {
  version: 0,
  built: null,
  surfaceKey: '',
  results: [],
  runErrors: [],
  error: null,
  network: null,
  training: null,
  networkError: null,
};

const listeners = new Set<() => void>();

export function subscribeSimulation(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const surfaceKeyOf = (s: SurfaceRef, seed: number) => JSON.stringify([s, seed]);

/**
 * What a run's result depends on besides the surface: its optimizer, parameters, schedule, SWA
 * and start, and the scenario's steps and noise. Label, colour and visibility are not in it.
 */
function runKey(s: Scenario, r: ScenarioRun, built: BuiltSurface): string {
  return JSON.stringify([
    r.optimizer,
    r.params,
    r.schedule,
    r.swa,
    runStart(s, r, built),
    s.steps,
    s.noise,
  ]);
}

/** The last recompute's results by runKey, on the surface it was built for. */
let previous = new Map<string, RunResult>();

/**
 * Bring the results in line with the scenario, each run computed from its start. A run whose
 * inputs are unchanged since the last recompute keeps its result (runs are independent): so
 * dragging one run's slider recomputes that run alone, and renaming, recolouring or hiding a
 * run recomputes none. Returns whether any run's result changed (what the picture shows).
 */
export function recompute(scenario: Scenario): boolean {
  const before = sim.results;
  const key = surfaceKeyOf(scenario.surface, scenario.noise.seed);
  try {
    if (key !== sim.surfaceKey || !sim.built) {
      previous = new Map();
      sim.built = buildSurface(scenario.surface, scenario.noise.seed);
      sim.surfaceKey = key;
    }
    const built = sim.built;
    const next = new Map<string, RunResult>();
    sim.runErrors = scenario.runs.map((r) => runProblem(r, scenario.steps));
    sim.results = scenario.runs.map((r, i) => {
      if (sim.runErrors[i]) return null;
      const k = runKey(scenario, r, built);
      const result = next.get(k) ?? previous.get(k) ?? runOne(scenario, r, built, true);
      next.set(k, result);
      return result;
    });
    previous = next;
    sim.error = null;
  } catch (e) {
    // Draw nothing rather than the previous surface under the new scenario's runs.
    sim.built = null;
    sim.surfaceKey = '';
    previous = new Map();
    sim.error = (e as Error).message;
    sim.results = scenario.runs.map(() => null);
    sim.runErrors = scenario.runs.map(() => null);
  }
  const changed =
    sim.results.length !== before.length || sim.results.some((r, i) => r !== before[i]);
  publish();
  return changed;
}

/** Tell the readers the results changed (also the network lab's, networkSim.ts). */
export function publish(): void {
  sim.version++;
  for (const fn of listeners) fn();
}

/** Forget the surface lab's results, so its next recompute builds everything again. */
export function forgetSurface(): void {
  sim.surfaceKey = '';
  previous = new Map();
}
