import { GRAD_NORM_EVERY, type RunResult } from '../engine/run.ts';
import { planeRows } from '../models/landscape/plane.ts';
import { runProblem } from './runProblem.ts';
import type { ModelScenario } from './modelScenario.ts';
import {
  buildModel,
  computeSlice,
  runModel,
  sliceLoss,
  slicePlane,
  type BuiltModel,
  type SlicePlane,
  type ModelRunResult,
  type SliceResult,
} from './runModelScenario.ts';
import {
  lineProfile,
  sharpnessTrack,
  type AnalysisRef,
  type LineProfile,
  type SharpnessTrack,
} from './networkAnalysis.ts';
import { projectedRun, type ProjectedRun } from './networkPicture.ts';

/**
 * The page shows a run's test loss at its last iterate (the generalisation table), so it
 * measures it every GRAD_NORM_EVERY iterates, like the exact gradient norm: at every iterate it
 * was a second forward pass over as many points as training's, half of a network's training.
 */
const PAGE_TEST_EVERY = GRAD_NORM_EVERY;

/** Everything the page shows of a network scenario, from one `train` call. */
export interface NetworkOutput {
  built: BuiltModel;
  /** Per run: its result, or null when torch would refuse its settings (runErrors says why). */
  results: (ModelRunResult | null)[];
  runErrors: (string | null)[];
  slice: SliceResult | null;
  /** Per run, its path in the slice's plane (null without a slice or a result). */
  projected: (ProjectedRun | null)[];
  /** Per run, what its result depends on (the caches' key). */
  keys: string[];
}

/** The views beyond the plane that the page asked for. */
export interface NetworkAnalysis {
  /** Null when an end is a run that has no result. */
  line: LineProfile | null;
  /** Per run, when asked for (null for a run without a result). */
  sharpness: (SharpnessTrack | null)[] | null;
}

/** What one unit of work is, for a progress bar: a run trained, or the slice computed. */
export type NetworkProgress = (done: number, total: number, what: string) => void;

/**
 * Per run, what its result depends on (the model, steps, noise and the run's optimizer,
 * parameters, schedule and SWA; not its label, colour or visibility): the trainer's cache key,
 * by which a pool also tells which runs need training.
 */
export function runKeys(s: ModelScenario): string[] {
  return s.runs.map((r) =>
    JSON.stringify([r.optimizer, r.params, r.schedule, r.swa, s.steps, s.noise]),
  );
}

/** What a scenario's slice depends on: its settings and the runs it is fitted to. */
function sliceKeyOf(s: ModelScenario, keys: string[]): string {
  // The PCA plane is fitted to every run's iterates; the other planes use only the runs named.
  const sl = s.slice;
  if (!sl) return '';
  const named =
    sl.plane === 'pca' ? keys : [sl.center, ...(sl.points ?? [])].map((p) => keys[p.run]);
  return JSON.stringify([sl, named]);
}

/**
 * Trains a network scenario's runs, keeping each result under what it depends on (the model,
 * steps, noise and the run's optimizer, parameters, schedule and SWA; not its label, colour or
 * visibility). Like the surfaces' simulation, an edit to one run re-trains that run alone; the
 * slice, which depends on every run it is centred on or spans, is recomputed when any of them
 * or the slice changes. Pure, so it serves a Web Worker and the tests alike.
 */
export class NetworkTrainer {
  private modelKey = '';
  private built: BuiltModel | null = null;
  private results = new Map<string, ModelRunResult>();
  private sliceKey = '';
  private slice: SliceResult | null = null;
  private sharpness = new Map<string, SharpnessTrack>();
  /** A plane fitted for the next `train` (fitSlice), under its slice's key. */
  private fitted: { key: string; plane: SlicePlane } | null = null;

  /** The model `s` trains on, built once and kept while the model and the shuffle seed stay. */
  private modelOf(s: ModelScenario): BuiltModel {
    const modelKey = JSON.stringify([s.model, s.noise.seed]);
    if (modelKey !== this.modelKey || !this.built) {
      this.built = buildModel(s.model, s.noise.seed);
      this.modelKey = modelKey;
      this.results = new Map();
      this.sharpness = new Map();
      // The slice's key names its runs' keys, which do not say the model: a new model's
      // slice is a new slice.
      this.sliceKey = '';
    }
    return this.built;
  }

  /**
   * Runs `which` of `s`, trained afresh and not kept: a pool's worker trains its share of the
   * runs with this and hands them to the worker that keeps them (`keep`).
   */
  trainRuns(s: ModelScenario, which: readonly number[], progress?: NetworkProgress) {
    const built = this.modelOf(s);
    return which.map((i, k) => {
      const r = runModel(s, i, built, PAGE_TEST_EVERY);
      progress?.(k + 1, which.length, `trained run ${i + 1}`);
      return r;
    });
  }

  /**
   * The runs `train` would train now: the first run of each setting not kept and not refused
   * (the work a pool splits among its workers).
   */
  missing(s: ModelScenario): number[] {
    this.modelOf(s);
    const seen = new Set<string>();
    return runKeys(s).flatMap((k, i) => {
      if (seen.has(k) || this.results.has(k) || runProblem(s.runs[i], s.steps)) return [];
      seen.add(k);
      return [i];
    });
  }

  /** Keep run i's result trained elsewhere (trainRuns), so that `train` does not train it. */
  keep(s: ModelScenario, i: number, r: ModelRunResult): void {
    this.modelOf(s);
    this.results.set(runKeys(s)[i], r);
  }

  /**
   * When `train` would compute a new slice and every run it needs is kept: its plane, fitted
   * now and kept for that `train`, so a pool can split the plane's rows (sliceRows) and hand
   * the losses to `train`. Null when there is no new slice to compute this way.
   */
  fitSlice(s: ModelScenario): SlicePlane | null {
    const built = this.modelOf(s);
    const keys = runKeys(s);
    const sliceKey = sliceKeyOf(s, keys);
    if (!s.slice || (sliceKey === this.sliceKey && this.slice)) return null;
    const results = keys.map((k) => this.results.get(k));
    if (results.some((r, i) => !r || runProblem(s.runs[i], s.steps))) return null;
    const plane = slicePlane(s.slice, results as ModelRunResult[], built);
    this.fitted = { key: sliceKey, plane };
    return plane;
  }

  /** Rows from..to of a fitted slice's losses (planeRows), on this trainer's model of s. */
  sliceRows(s: ModelScenario, fitted: SlicePlane, from: number, to: number): Float64Array {
    const { plane, alphas, betas } = fitted;
    return planeRows(plane, alphas, betas, from, to, sliceLoss(this.modelOf(s)));
  }

  /**
   * `sliceLosses`: the losses of the plane fitSlice fitted, computed elsewhere (sliceRows);
   * used only for the slice that plane was fitted for.
   */
  train(s: ModelScenario, progress?: NetworkProgress, sliceLosses?: Float64Array): NetworkOutput {
    const built = this.modelOf(s);
    const keys = runKeys(s);
    const runErrors = s.runs.map((r) => runProblem(r, s.steps));
    const todo = keys.filter((k, i) => !runErrors[i] && !this.results.has(k));
    const sliceKey = sliceKeyOf(s, keys);
    const total = new Set(todo).size + (s.slice && sliceKey !== this.sliceKey ? 1 : 0);
    let done = 0;
    const next = new Map<string, ModelRunResult>();
    const results = s.runs.map((_, i) => {
      if (runErrors[i]) return null;
      let r = next.get(keys[i]) ?? this.results.get(keys[i]);
      if (!r) {
        r = runModel(s, i, built, PAGE_TEST_EVERY);
        progress?.(++done, total, `trained run ${i + 1}`);
      }
      next.set(keys[i], r);
      return r;
    });
    this.results = next;

    let slice: SliceResult | null = null;
    // A slice needs every run it names; a refused run has no iterates to centre on.
    const usable = results.every((r) => r !== null);
    if (s.slice && usable) {
      if (sliceKey !== this.sliceKey || !this.slice) {
        const fitted = this.fitted?.key === sliceKey ? this.fitted.plane : null;
        const given = fitted && sliceLosses ? { fitted, losses: sliceLosses } : undefined;
        this.slice = computeSlice(s.slice, results as ModelRunResult[], built, given);
        this.sliceKey = sliceKey;
        progress?.(++done, total, 'computed the slice');
      }
      slice = this.slice;
    }
    this.fitted = null;
    const projected = results.map((r) => (r && slice ? projectedRun(r, slice.plane) : null));
    return { built, results, runErrors, slice, projected, keys };
  }

  /** Whether every run of `out` with a result has its sharpness measured already. */
  hasSharpness(out: NetworkOutput): boolean {
    return out.results.every((r, i) => !r || this.sharpness.has(out.keys[i]));
  }

  /**
   * The line and (when asked) the sharpness tracks for what `train` just returned. A run's
   * sharpness is kept under its key like its result, so toggling the view or editing another
   * run measures nothing again.
   */
  analyse(out: NetworkOutput, a: AnalysisRef, progress?: NetworkProgress): NetworkAnalysis {
    const { built, results, keys } = out;
    const { from, to } = a.line;
    const ends = [results[from.run], results[to.run]];
    const line = ends.every((r) => r) ? lineProfile(built, results as RunResult[], from, to) : null;
    if (!a.sharpness) return { line, sharpness: null };
    const todo = results.filter((r, i) => r && !this.sharpness.has(keys[i])).length;
    let done = 0;
    const next = new Map<string, SharpnessTrack>();
    const sharpness = results.map((r, i) => {
      if (!r) return null;
      let t = next.get(keys[i]) ?? this.sharpness.get(keys[i]);
      if (!t) {
        t = sharpnessTrack(built, r, (d, n) =>
          progress?.(done * n + d, todo * n, `measured the sharpness of run ${i + 1}`),
        );
        done++;
      }
      next.set(keys[i], t);
      return t;
    });
    this.sharpness = next;
    return { line, sharpness };
  }
}
