import type { RunResult } from '../../../src/engine/run.ts';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { runScenario } from '../../../src/scenario/runScenario.ts';
import type { Scenario } from '../../../src/scenario/scenario.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';
import type { CriticalPoint } from '../../../src/surfaces/surface.ts';

/** Helpers for the preset lesson tests: run a preset (optionally changed) and measure paths. */

type Json = Record<string, unknown>;

/** The preset's scenario file, deep-copied so a test can change it. */
export function presetJson(id: string): Json {
  const p = PRESETS_BY_ID[id];
  if (!p) throw new Error(`no preset ${id}`);
  return structuredClone(p.scenario) as Json;
}

export function runJson(json: Json): { scenario: Scenario; results: RunResult[] } {
  const scenario = parseScenario(json);
  return { scenario, results: runScenario(scenario).results };
}

export function runPreset(id: string, change?: (json: Json & { runs: Json[] }) => void) {
  const json = presetJson(id);
  change?.(json as Json & { runs: Json[] });
  return runJson(json);
}

export const point = (r: RunResult, k: number): [number, number] => [
  r.trajectory[2 * k],
  r.trajectory[2 * k + 1],
];
export const last = (r: RunResult) => point(r, r.points - 1);
export const lastLoss = (r: RunResult) => r.losses[r.points - 1];
export const dist = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Length of step k (from iterate k to k + 1). */
export const stepLength = (r: RunResult, k: number) => dist(point(r, k), point(r, k + 1));

/** Mean of f(k) for k in [from, to). */
export function mean(from: number, to: number, f: (k: number) => number): number {
  let s = 0;
  for (let k = from; k < to; k++) s += f(k);
  return s / (to - from);
}

/** The catalog surface's minima and saddles for the scenario's parameters. */
export function criticalPoints(s: Scenario): readonly CriticalPoint[] {
  if (!('id' in s.surface)) throw new Error('not a catalog surface');
  return SURFACES[s.surface.id].criticalPoints(s.surface.params);
}

/** The critical point nearest to p, and how far it is. */
export function nearest(s: Scenario, p: readonly number[]): CriticalPoint & { distance: number } {
  let best: CriticalPoint | null = null;
  let d = Infinity;
  for (const c of criticalPoints(s)) {
    const e = dist(p, [c.x, c.y]);
    if (e < d) {
      d = e;
      best = c;
    }
  }
  if (!best) throw new Error('the surface lists no critical points');
  return { ...best, distance: d };
}

/** How many times the sequence v(k), k = 0..n−1, changes sign. */
export function signChanges(n: number, v: (k: number) => number): number {
  let c = 0;
  for (let k = 1; k < n; k++) if (v(k - 1) * v(k) < 0) c++;
  return c;
}

/** How many steps raise the loss. */
export function lossIncreases(r: RunResult): number {
  let c = 0;
  for (let k = 1; k < r.points; k++) if (r.losses[k] > r.losses[k - 1]) c++;
  return c;
}
