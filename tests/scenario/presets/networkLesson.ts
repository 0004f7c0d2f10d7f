import type { RunResult } from '../../../src/engine/run.ts';
import { topEigenvalue } from '../../../src/models/landscape/sharpness.ts';
import { parseModelScenario, type ModelScenario } from '../../../src/scenario/modelScenario.ts';
import { PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import {
  computeSlice,
  runModelScenario,
  type BuiltModel,
  type SliceResult,
} from '../../../src/scenario/runModelScenario.ts';

/** Helpers for the network lessons' tests: run a lesson (optionally changed) and measure it. */

type Json = Record<string, unknown>;
type Model = Json & { model: Json; runs: (Json & { params: Json })[]; slice: Json };

export function runNetworkPreset(id: string, change?: (json: Model) => void) {
  const json = structuredClone(PRESETS_BY_ID[id].scenario) as Model;
  change?.(json);
  const scenario: ModelScenario = parseModelScenario(json);
  return { scenario, ...runModelScenario(scenario) };
}

/** Iterate k of a run (−1: its last). */
export function weightsAt(r: RunResult, k = -1): Float64Array {
  const i = k < 0 ? r.points - 1 : k;
  return r.trajectory.slice(i * r.dim, (i + 1) * r.dim);
}

export const norm = (w: Float64Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0));

export const lastLoss = (r: RunResult) => r.losses[r.points - 1];

/** The gap between test and training loss at a run's last iterate. */
export function testGap(r: { losses: Float64Array; testLosses: Float64Array | null }) {
  const n = r.losses.length - 1;
  return r.testLosses![n] - r.losses[n];
}

/**
 * The sharpness at w: the full training loss's top Hessian eigenvalue, by power iteration on
 * the network's exact Hessian-vector products (what the sharpness plot shows).
 */
export function sharpness(built: BuiltModel, w: Float64Array): number {
  const hvp = (v: Float64Array, out: Float64Array) => built.objective.hvp(w, v, out);
  return topEigenvalue(hvp, w.length, { maxIterations: 500, tolerance: 1e-8 }).value;
}

/**
 * How rough a slice is: its total variation per grid edge, the mean |ΔL| between neighbouring
 * grid points (a smooth, shallow bowl has a small one; a steep or bumpy one a large one).
 */
export function roughness(s: SliceResult): number {
  const n = s.alphas.length;
  const L = s.losses;
  let tv = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i + 1 < n) tv += Math.abs(L[(i + 1) * n + j] - L[i * n + j]);
      if (j + 1 < n) tv += Math.abs(L[i * n + j + 1] - L[i * n + j]);
    }
  return tv / (2 * n * (n - 1));
}

/** The scenario's slice, centred at run `run`'s last iterate instead. */
export function sliceAt(out: ReturnType<typeof runNetworkPreset>, run: number): SliceResult {
  return computeSlice(
    { ...out.scenario.slice!, center: { run, step: -1 } },
    out.results,
    out.built,
  );
}
