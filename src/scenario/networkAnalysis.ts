import type { RunResult } from '../engine/run.ts';
import { lineLosses } from '../models/landscape/interpolate.ts';
import { topEigenvalue } from '../models/landscape/sharpness.ts';
import type { IterateRef } from './modelScenario.ts';
import { iterate, type BuiltModel } from './runModelScenario.ts';

/**
 * The network lab's two views that are not a plane: the loss along a straight line between two
 * iterates (Goodfellow et al. 2015) and the sharpness along a run's training (the edge of
 * stability, Cohen et al. 2021). Pure, for the worker and the tests.
 */

/** What the page asks for besides the runs and the slice. */
export interface AnalysisRef {
  /** The 1-D interpolation's two ends: t = 0 is `from`, t = 1 is `to`. */
  line: { from: IterateRef; to: IterateRef };
  /** Whether to measure each run's sharpness at checkpoints (power iteration: slow). */
  sharpness: boolean;
}

/**
 * Where along the line the loss is measured: t from −0.5 to 1.5, as Goodfellow et al. draw it,
 * so the picture shows what lies beyond both ends too; 0 and 1 are on the grid.
 */
export const LINE_FROM = -0.5;
export const LINE_TO = 1.5;
export const LINE_POINTS = 81;
const lineTs = (): Float64Array =>
  Float64Array.from(
    { length: LINE_POINTS },
    (_, i) => LINE_FROM + ((LINE_TO - LINE_FROM) * i) / (LINE_POINTS - 1),
  );

export interface LineProfile {
  from: IterateRef;
  to: IterateRef;
  ts: Float64Array;
  /** The full training loss at (1 − t)·from + t·to. */
  train: Float64Array;
  /** The held-out loss there (null for given points, which have no test split). */
  test: Float64Array | null;
}

/** The train and test loss along the line between two runs' iterates (results[run] non-null). */
export function lineProfile(
  built: BuiltModel,
  results: readonly RunResult[],
  from: IterateRef,
  to: IterateRef,
): LineProfile {
  const a = iterate(results[from.run], from.step);
  const b = iterate(results[to.run], to.step);
  const ts = lineTs();
  const { objective, train: trainSet, test: testSet } = built;
  const train = lineLosses(a, b, ts, (w) => objective.lossOn(w, trainSet));
  const test = testSet ? lineLosses(a, b, ts, (w) => objective.lossOn(w, testSet)) : null;
  return { from, to, ts, train, test };
}

/** How many intervals the sharpness checkpoints split a run into (CHECKPOINTS + 1 iterates). */
export const CHECKPOINTS = 20;

/**
 * Power iteration's budget per checkpoint: 1e-3 relative is far finer than the picture, and
 * 60 Hessian-vector products (about 120 gradients' work) bound a slowly converging one.
 */
const POWER = { seed: 1, maxIterations: 60, tolerance: 1e-3 };

export interface SharpnessTrack {
  /** The iterates measured (0 … the run's last). */
  steps: Int32Array;
  /** The top eigenvalue of the full training loss's Hessian at each. */
  values: Float64Array;
}

/**
 * A run's sharpness at CHECKPOINTS + 1 evenly spaced iterates: the Hessian's eigenvalue of
 * largest magnitude by power iteration on exact Hessian-vector products (MlpObjective.hvp, the
 * full training loss). `progress` is told after each checkpoint.
 */
export function sharpnessTrack(
  built: BuiltModel,
  r: RunResult,
  progress?: (done: number, total: number) => void,
): SharpnessTrack {
  const last = r.points - 1;
  const steps = Int32Array.from(
    new Set(
      Array.from({ length: CHECKPOINTS + 1 }, (_, j) => Math.round((j * last) / CHECKPOINTS)),
    ),
  );
  const values = new Float64Array(steps.length);
  const { objective } = built;
  steps.forEach((k, j) => {
    const w = iterate(r, k);
    values[j] = Number.isFinite(r.losses[k])
      ? topEigenvalue((v, out) => objective.hvp(w, v, out), w.length, POWER).value
      : NaN;
    progress?.(j + 1, steps.length);
  });
  return { steps, values };
}
