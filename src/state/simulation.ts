import type { RunResult } from '../engine/run.ts';
import { runOne, buildSurface, type BuiltSurface } from '../scenario/runScenario.ts';
import type { Scenario, SurfaceRef } from '../scenario/scenario.ts';
import { runProblem } from '../scenario/runProblem.ts';

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
}

export const sim: Simulation = {
  version: 0,
  built: null,
  surfaceKey: '',
  results: [],
  runErrors: [],
  error: null,
};

const listeners = new Set<() => void>();

export function subscribeSimulation(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const surfaceKeyOf = (s: SurfaceRef, seed: number) => JSON.stringify([s, seed]);

/** Recompute every run of the scenario from its start (the playhead keeps its step). */
export function recompute(scenario: Scenario): void {
  const key = surfaceKeyOf(scenario.surface, scenario.noise.seed);
  try {
    if (key !== sim.surfaceKey || !sim.built) {
      sim.built = buildSurface(scenario.surface, scenario.noise.seed);
      sim.surfaceKey = key;
    }
    const built = sim.built;
    sim.runErrors = scenario.runs.map((r) => runProblem(r, scenario.steps));
    sim.results = scenario.runs.map((r, i) =>
      sim.runErrors[i] ? null : runOne(scenario, r, built, true),
    );
    sim.error = null;
  } catch (e) {
    // Draw nothing rather than the previous surface under the new scenario's runs.
    sim.built = null;
    sim.surfaceKey = '';
    sim.error = (e as Error).message;
    sim.results = scenario.runs.map(() => null);
    sim.runErrors = scenario.runs.map(() => null);
  }
  sim.version++;
  for (const fn of listeners) fn();
}
