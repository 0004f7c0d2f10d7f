import type { ModelScenario } from '../scenario/modelScenario.ts';
import {
  decisionRegions,
  type DecisionRegions,
  type ProjectedRun,
} from '../scenario/networkPicture.ts';
import { NetworkTrainer } from '../scenario/networkTrainer.ts';

/**
 * Training a network off the main thread (issue 13: network work never blocks a frame). One
 * plain-data message each way, as for the grid worker: a request carries the validated network
 * scenario; the worker keeps a NetworkTrainer, so an edit to one run re-trains that run alone,
 * and answers with progress messages and then the picture. The picture holds what the page
 * draws, in two dimensions: each run's path in the slice's plane, its losses and accuracies,
 * the slice's losses and the decision regions; the n-dimensional iterates stay in the worker.
 */
export interface NetworkRequest {
  id: number;
  scenario: ModelScenario;
}

export interface NetworkRunSummary {
  batchLosses: Float64Array;
  testLosses: Float64Array | null;
  trainAccuracy: number;
  testAccuracy: number | null;
  /** The largest distance of an iterate from the slice's plane, relative to the path's reach. */
  offPlane: number | null;
}

export interface NetworkPicture {
  /** The slice's grid, α slowest (losses[i·betas.length + j]). */
  slice: {
    alphas: Float64Array;
    betas: Float64Array;
    losses: Float64Array;
    explained: [number, number] | null;
  } | null;
  /** Per run, its path over the slice (null without a slice or when torch would refuse it). */
  runs: (ProjectedRun | null)[];
  summaries: (NetworkRunSummary | null)[];
  runErrors: (string | null)[];
  /** Per run, the network's prediction over the inputs at its last iterate. */
  regions: (DecisionRegions | null)[];
  /** The training points, for the decision-boundary picture (x row-major n × 2). */
  train: { x: Float64Array; y: Int32Array; classes: number };
}

export type NetworkResponse =
  | { id: number; progress: { done: number; total: number; what: string } }
  | { id: number; picture: NetworkPicture }
  | { id: number; error: string };

/** How finely the decision regions are drawn (cells per side). */
const REGION_RESOLUTION = 64;

/**
 * How far off its plane a path strays, as a share of how far it travels in the plane: the
 * largest residual distance over the largest distance from the path's first point.
 */
function offPlaneOf(p: ProjectedRun): number {
  let off = 0;
  let reach = 0;
  const t = p.trajectory;
  for (let k = 0; k < p.points; k++) {
    if (Number.isFinite(p.distance[k])) off = Math.max(off, p.distance[k]);
    const d = Math.hypot(t[2 * k] - t[0], t[2 * k + 1] - t[1]);
    if (Number.isFinite(d)) reach = Math.max(reach, d);
  }
  return reach > 0 ? off / reach : off > 0 ? Infinity : 0;
}

/** Answer one request with the trainer the worker keeps. */
export function respondNetwork(
  trainer: NetworkTrainer,
  req: NetworkRequest,
  post: (res: NetworkResponse) => void,
): void {
  try {
    const out = trainer.train(req.scenario, (done, total, what) =>
      post({ id: req.id, progress: { done, total, what } }),
    );
    const { built } = out;
    const picture: NetworkPicture = {
      slice: out.slice && {
        alphas: out.slice.alphas,
        betas: out.slice.betas,
        losses: out.slice.losses,
        explained: out.slice.explained,
      },
      runs: out.projected,
      summaries: out.results.map((r, i) =>
        r
          ? {
              batchLosses: r.batchLosses,
              testLosses: r.testLosses,
              trainAccuracy: r.trainAccuracy,
              testAccuracy: r.testAccuracy,
              offPlane: out.projected[i] ? offPlaneOf(out.projected[i]) : null,
            }
          : null,
      ),
      runErrors: out.runErrors,
      regions: out.results.map((r) =>
        r
          ? decisionRegions(
              built.objective,
              r.trajectory.subarray((r.points - 1) * r.dim, r.points * r.dim),
              built.train,
              REGION_RESOLUTION,
            )
          : null,
      ),
      train: { x: built.train.x, y: built.train.y, classes: built.train.classes },
    };
    post({ id: req.id, picture });
  } catch (e) {
    post({ id: req.id, error: (e as Error).message });
  }
}
