import type { ModelScenario } from '../scenario/modelScenario.ts';
import type { ModelRunResult, SlicePlane } from '../scenario/runModelScenario.ts';
import type { AnalysisRef, LineProfile, SharpnessTrack } from '../scenario/networkAnalysis.ts';
import {
  decisionRegions,
  type DecisionRegions,
  type ProjectedRun,
} from '../scenario/networkPicture.ts';
import {
  NetworkTrainer,
  type NetworkAnalysis,
  type NetworkOutput,
} from '../scenario/networkTrainer.ts';

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
  analysis: AnalysisRef;
  /** The new slice's losses, when a pool computed them (on the plane the worker fitted). */
  losses?: Float64Array;
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
  /** The loss along the line asked for (null when an end has no result). */
  line: LineProfile | null;
  /** Per run, its sharpness at checkpoints, when asked for and measured. */
  sharpness: (SharpnessTrack | null)[] | null;
}

/**
 * `more`: a first picture of a job that goes on measuring (the sharpness), so the runs and the
 * slice are drawn while the slow part is computed; the job's last picture comes without it.
 */
export type NetworkResponse =
  | { id: number; progress: { done: number; total: number; what: string } }
  | { id: number; picture: NetworkPicture; more?: true }
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

/** What the page draws of one trained scenario and the views asked of it. */
function pictureOf(out: NetworkOutput, analysis: NetworkAnalysis): NetworkPicture {
  const { built } = out;
  return {
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
    line: analysis.line,
    sharpness: analysis.sharpness,
  };
}

/**
 * Answer one request with the trainer the worker keeps. When the sharpness is asked for and not
 * yet measured, the picture without it goes first (`more`), then the one with it.
 */
export function respondNetwork(
  trainer: NetworkTrainer,
  req: NetworkRequest,
  post: (res: NetworkResponse) => void,
): void {
  const progress = (done: number, total: number, what: string) =>
    post({ id: req.id, progress: { done, total, what } });
  try {
    const out = trainer.train(req.scenario, progress, req.losses);
    const a = req.analysis;
    if (a.sharpness && !trainer.hasSharpness(out)) {
      const first = trainer.analyse(out, { ...a, sharpness: false });
      post({ id: req.id, picture: pictureOf(out, first), more: true });
    }
    post({ id: req.id, picture: pictureOf(out, trainer.analyse(out, a, progress)) });
  } catch (e) {
    post({ id: req.id, error: (e as Error).message });
  }
}

/**
 * A pool of workers shares one job (networkPool.ts): the first worker, the lead, keeps every
 * run's result in its trainer and answers the picture; the others train a share of the runs
 * and hand them over. Besides a NetworkRequest, a pool's worker takes:
 * - `need`: which runs the lead's trainer lacks (the lead answers `{ id, need }`);
 * - `runs`: train these runs; the lead keeps them (`keep: true`), a helper sends them back
 *   (`{ id, trained, results }`, their typed arrays transferred);
 * - `kept`: results another worker trained, for the lead to keep;
 * - `fit`: the lead fits the new slice's plane and answers it (`{ id, fitted }`, null when
 *   the slice is kept), for every worker to compute
 * - `rows` from..to of its losses (`{ id, from, rows }`, transferred), which the pool hands
 *   back to the lead with the NetworkRequest.
 */
export type PoolRequest =
  | NetworkRequest
  | { id: number; need: ModelScenario }
  | { id: number; scenario: ModelScenario; runs: number[]; keep: boolean }
  | { id: number; scenario: ModelScenario; kept: number[]; results: ModelRunResult[] }
  | { id: number; fit: ModelScenario }
  | { id: number; scenario: ModelScenario; fitted: SlicePlane; rows: [number, number] };

export type PoolResponse =
  | NetworkResponse
  | { id: number; need: number[] }
  | { id: number; trained: number[]; results: ModelRunResult[] }
  | { id: number; fitted: SlicePlane | null }
  | { id: number; from: number; rows: Float64Array };

/** Every ArrayBuffer under `value` (typed arrays in results, nested), each once: a transfer list. */
export function buffersOf(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) out.add(value.buffer as ArrayBuffer);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) buffersOf(v, out);
  return [...out];
}

/** Answer one message of the pool's protocol with the trainer this worker keeps. */
export function respondPool(
  trainer: NetworkTrainer,
  req: PoolRequest,
  post: (res: PoolResponse, transfer: ArrayBuffer[]) => void,
): void {
  const { id } = req;
  try {
    if ('need' in req) post({ id, need: trainer.missing(req.need) }, []);
    else if ('kept' in req)
      req.kept.forEach((i, k) => trainer.keep(req.scenario, i, req.results[k]));
    else if ('fit' in req) post({ id, fitted: trainer.fitSlice(req.fit) }, []);
    else if ('rows' in req) {
      const [from, to] = req.rows;
      const rows = trainer.sliceRows(req.scenario, req.fitted, from, to);
      post({ id, from, rows }, [rows.buffer as ArrayBuffer]);
    } else if ('runs' in req) {
      const results = trainer.trainRuns(req.scenario, req.runs, (done, total, what) =>
        post({ id, progress: { done, total, what } }, []),
      );
      if (req.keep) {
        req.runs.forEach((i, k) => trainer.keep(req.scenario, i, results[k]));
        post({ id, trained: req.runs, results: [] }, []);
      } else post({ id, trained: req.runs, results }, buffersOf(results));
    } else respondNetwork(trainer, req, (res) => post(res, []));
  } catch (e) {
    post({ id, error: (e as Error).message }, []);
  }
}
