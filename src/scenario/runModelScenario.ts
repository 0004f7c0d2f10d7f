import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { weightCount, type Objective } from '../engine/objective.ts';
import { runOptimizer, type RunResult } from '../engine/run.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { makeDatasets, type Dataset } from '../models/datasets.ts';
import { filterNormalizedPlane } from '../models/landscape/filterNormalized.ts';
import { pcaPlane } from '../models/landscape/pcaPlane.ts';
import {
  gridAxis,
  planeLosses,
  planeThroughPoints,
  projectOntoPlane,
  type Plane,
} from '../models/landscape/plane.ts';
import { linearInit } from '../models/linearInit.ts';
import { minibatches } from '../models/minibatches.ts';
import { MlpObjective, mlpLayers } from '../models/mlp.ts';
import { muonPartner } from './muonPartner.ts';
import { classesOf, type ModelRef, type ModelScenario, type SliceRef } from './modelScenario.ts';

/** A network scenario's data, objective and initial weights, built once for all its runs. */
export interface BuiltModel {
  train: Dataset;
  /** The held-out split of a generated dataset; null for given points. */
  test: Dataset | null;
  objective: MlpObjective;
  init: Float64Array;
}

export function buildModel(m: ModelRef, shuffleSeed: number): BuiltModel {
  let train: Dataset;
  let test: Dataset | null = null;
  if ('points' in m.data) {
    const { points, labels } = m.data;
    train = {
      n: points.length,
      classes: classesOf(m.data),
      x: Float64Array.from(points.flat()),
      y: Int32Array.from(labels),
    };
  } else {
    ({ train, test } = makeDatasets(m.data));
  }
  const batches =
    m.batch_size >= train.n ? null : minibatches(train.n, m.batch_size, m.shuffle, shuffleSeed);
  const objective = new MlpObjective(m, train, batches, test?.n ?? train.n);
  const init = new Float64Array(weightCount(objective));
  if ('weights' in m.init) init.set(m.init.weights);
  else linearInit(mlpLayers(m, train.classes), m.init.seed, init);
  return { train, test, objective, init };
}

/** One run's result, with the mini-batch loss torch's loop prints at each step. */
export interface ModelRunResult extends RunResult {
  batchLosses: Float64Array;
  testLosses: Float64Array | null;
  /** At the last iterate: the share of examples classified right. */
  trainAccuracy: number;
  testAccuracy: number | null;
}

/**
 * Run i of a network scenario. `testEvery`: the held-out loss is measured at iterates 0,
 * testEvery, 2·testEvery, … and the last (NaN between); 1, every iterate, is what `simulate`
 * prints. It is a forward pass over the test set per iterate, as dear as the training loss.
 */
export function runModel(
  s: ModelScenario,
  i: number,
  built: BuiltModel,
  testEvery = 1,
): ModelRunResult {
  const run = s.runs[i];
  const base = built.objective;
  const batchLosses = new Float64Array(s.steps).fill(NaN);
  // The first evaluation of each step is the loss torch's loop records (SAM and LBFGS make more).
  // Full-batch training keeps the objective as it is: its step loss is the iterate's own loss,
  // and a batch function would make the run loop evaluate every gradient twice.
  const batch = base.batchLossGrad;
  const objective: Objective = batch
    ? {
        shapes: base.shapes,
        lossGrad: (w, g) => base.lossGrad(w, g),
        loss: (w) => base.loss(w),
        hvp: (w, v, out) => base.hvp(w, v, out),
        batchLossGrad: (w, t, g) => {
          const loss = batch(w, t, g);
          if (Number.isNaN(batchLosses[t])) batchLosses[t] = loss;
          return loss;
        },
      }
    : base;
  const r = runOptimizer(objective, {
    optimizer: OPTIMIZERS[run.optimizer],
    params: run.params,
    schedule: run.schedule
      ? { def: SCHEDULES[run.schedule.name], params: run.schedule.params }
      : null,
    start: Array.from(built.init),
    steps: s.steps,
    noise: s.noise,
    swa: run.swa,
    partner: muonPartner(run, s.model.hidden),
  });
  const test = built.test;
  const testLosses = test
    ? Float64Array.from({ length: r.points }, (_, k) =>
        k % testEvery === 0 || k === r.points - 1
          ? base.lossOn(r.trajectory.subarray(k * r.dim, (k + 1) * r.dim), test)
          : NaN,
      )
    : null;
  const last = r.trajectory.subarray((r.points - 1) * r.dim, r.points * r.dim);
  const trainAccuracy = base.accuracyOn(last, built.train);
  const testAccuracy = test ? base.accuracyOn(last, test) : null;
  if (!batch) batchLosses.set(r.losses.subarray(0, Math.min(s.steps, r.points)));
  return { ...r, batchLosses, testLosses, trainAccuracy, testAccuracy };
}

/** The weights of iterate `step` of a run (−1, or past its end: its last). */
export function iterate(r: RunResult, step: number): Float64Array {
  const k = step < 0 || step >= r.points ? r.points - 1 : step;
  return r.trajectory.slice(k * r.dim, (k + 1) * r.dim);
}

export interface SliceResult {
  plane: Plane;
  alphas: Float64Array;
  betas: Float64Array;
  losses: Float64Array;
  /** Per run, each iterate's (α, β) and its distance off the plane. */
  paths: { alpha: Float64Array; beta: Float64Array; distance: Float64Array }[];
  explained: [number, number] | null;
}

/** A slice's plane fitted to its runs, and its grid's axes: all of it but the losses. */
export interface SlicePlane {
  plane: Plane;
  explained: [number, number] | null;
  alphas: Float64Array;
  betas: Float64Array;
}

export function slicePlane(
  sl: SliceRef,
  results: readonly RunResult[],
  built: BuiltModel,
): SlicePlane {
  const center = iterate(results[sl.center.run], sl.center.step);
  let plane: Plane;
  let explained: [number, number] | null = null;
  if (sl.plane === 'pca') {
    const all = results.flatMap((r) => [r.trajectory.subarray(0, r.points * r.dim)]);
    const stacked = new Float64Array(all.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of all) {
      stacked.set(a, at);
      at += a.length;
    }
    const p = pcaPlane(stacked, center.length, center);
    plane = p;
    explained = p.explained;
  } else if (sl.plane === 'points') {
    const [a, b, c] = sl.points!.map((p) => iterate(results[p.run], p.step));
    plane = planeThroughPoints(a, b, c);
  } else {
    plane = filterNormalizedPlane(built.objective.shapes, center, sl.seed);
  }
  const alphas = gridAxis(sl.span, sl.resolution);
  return { plane, explained, alphas, betas: alphas };
}

/** What a slice shows at weights w: the full training loss. */
export const sliceLoss =
  (built: BuiltModel) =>
  (w: Float64Array): number =>
    built.objective.lossOn(w, built.train);

/**
 * The slice through a scenario's runs. `given`: its plane and losses computed already (a pool
 * of workers fits the plane on one and splits its rows, planeRows, across all).
 */
export function computeSlice(
  sl: SliceRef,
  results: readonly RunResult[],
  built: BuiltModel,
  given?: { fitted: SlicePlane; losses: Float64Array },
): SliceResult {
  const { plane, explained, alphas, betas } = given?.fitted ?? slicePlane(sl, results, built);
  const losses = given?.losses ?? planeLosses(plane, alphas, betas, sliceLoss(built));
  const at = { alpha: 0, beta: 0, distance: 0 };
  const paths = results.map((r) => {
    const out = {
      alpha: new Float64Array(r.points),
      beta: new Float64Array(r.points),
      distance: new Float64Array(r.points),
    };
    for (let k = 0; k < r.points; k++) {
      projectOntoPlane(plane, r.trajectory.subarray(k * r.dim, (k + 1) * r.dim), at);
      out.alpha[k] = at.alpha;
      out.beta[k] = at.beta;
      out.distance[k] = at.distance;
    }
    return out;
  });
  return { plane, alphas, betas, losses, paths, explained };
}

/** Every run of a network scenario, and its slice when it asks for one. */
export function runModelScenario(s: ModelScenario) {
  const built = buildModel(s.model, s.noise.seed);
  const results = s.runs.map((_, i) => runModel(s, i, built));
  const slice = s.slice ? computeSlice(s.slice, results, built) : null;
  return { built, results, slice };
}
