import type { RunResult } from '../engine/run.ts';
import type { Dataset } from '../models/datasets.ts';
import { projectOntoPlane, type Plane } from '../models/landscape/plane.ts';
import type { MlpObjective } from '../models/mlp.ts';

/**
 * What the page draws of a trained network, computed from the pure results (runModelScenario)
 * so the page, a worker and the tests share one implementation.
 */

/** A network run as the surface views draw it, plus how far each iterate is off the plane. */
export interface ProjectedRun extends RunResult {
  /** distance[k] = ‖w_k − (center + α_k d₁ + β_k d₂)‖: what the projected path hides. */
  distance: Float64Array;
}

/** Project n weights per iterate (NaN rows stay NaN) to (α, β) pairs. */
function projectAll(
  plane: Plane,
  values: Float64Array,
  dim: number,
  points: number,
  distance: Float64Array | null,
): Float64Array {
  const out = new Float64Array(2 * points).fill(NaN);
  const at = { alpha: 0, beta: 0, distance: 0 };
  for (let k = 0; k < points; k++) {
    const w = values.subarray(k * dim, (k + 1) * dim);
    if (Number.isNaN(w[0])) continue;
    projectOntoPlane(plane, w, at);
    out[2 * k] = at.alpha;
    out[2 * k + 1] = at.beta;
    if (distance) distance[k] = at.distance;
  }
  return out;
}

/**
 * The run with every iterate (and its SWA average and side paths) replaced by its coordinates
 * in the plane, so the map and mesh draw it over the slice like a run on a surface. Its losses,
 * lrs and gradient norms stay the network's own: the loss plot shows the true training loss,
 * which the slice's height under a projected point need not equal.
 */
export function projectedRun(r: RunResult, plane: Plane): ProjectedRun {
  const distance = new Float64Array(r.points).fill(NaN);
  return {
    ...r,
    dim: 2,
    trajectory: projectAll(plane, r.trajectory, r.dim, r.points, distance),
    swa: r.swa ? projectAll(plane, r.swa, r.dim, r.points, null) : null,
    sidePaths: r.sidePaths.map((s) => ({
      ...s,
      values: projectAll(plane, s.values, r.dim, r.points, null),
    })),
    // Momentum arrows and line-search dots are drawn for a surface's own two weights only.
    momentum: null,
    evaluations: null,
    distance,
  };
}

/** The inputs' box, padded by a tenth of its size on each side (and at least 0.5 across). */
export function dataExtent(data: Dataset): [number, number, number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let r = 0; r < data.n; r++) {
    x0 = Math.min(x0, data.x[2 * r]);
    x1 = Math.max(x1, data.x[2 * r]);
    y0 = Math.min(y0, data.x[2 * r + 1]);
    y1 = Math.max(y1, data.x[2 * r + 1]);
  }
  const px = Math.max(0.1 * (x1 - x0), 0.25);
  const py = Math.max(0.1 * (y1 - y0), 0.25);
  return [x0 - px, x1 + px, y0 - py, y1 + py];
}

export interface DecisionRegions {
  /** [x₁ min, x₁ max, x₂ min, x₂ max] of the input plane shown. */
  extent: [number, number, number, number];
  resolution: number;
  /** Per cell, row-major with x₂ slowest (row j is x₂ = its j-th value): the predicted class. */
  classes: Uint8Array;
  /** The predicted class's softmax probability: how sure the network is there. */
  confidence: Float64Array;
}

/**
 * The network's prediction over a resolution × resolution grid of inputs covering the data (cell
 * centres), in chunks no larger than the training set (the most rows the objective holds).
 */
export function decisionRegions(
  objective: MlpObjective,
  w: Float64Array,
  train: Dataset,
  resolution: number,
): DecisionRegions {
  const extent = dataExtent(train);
  const [x0, x1, y0, y1] = extent;
  const cells = resolution * resolution;
  const classes = new Uint8Array(cells);
  const confidence = new Float64Array(cells);
  const chunk = Math.max(1, train.n);
  for (let start = 0; start < cells; start += chunk) {
    const n = Math.min(chunk, cells - start);
    const x = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      const c = start + r;
      x[2 * r] = x0 + ((x1 - x0) * ((c % resolution) + 0.5)) / resolution;
      x[2 * r + 1] = y0 + ((y1 - y0) * (Math.floor(c / resolution) + 0.5)) / resolution;
    }
    const grid: Dataset = { n, classes: train.classes, x, y: new Int32Array(n) };
    objective.predictOn(
      w,
      grid,
      classes.subarray(start, start + n),
      confidence.subarray(start, start + n),
    );
  }
  return { extent, resolution, classes, confidence };
}
