import * as v from 'valibot';
import { isPlainObject, issuesOf, strictRecord, required } from '../engine/issues.ts';
import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ActivationName } from '../models/activations.ts';
import type { DatasetName } from '../models/datasets.ts';
import { mlpShapes } from '../models/mlp.ts';
import { boolean, finite, integer, oneOf, orNull } from './fields.ts';
import { ScenarioError } from './parseScenario.ts';
import { migrateScenario } from './migrations.ts';
import { muonTensors } from './muonPartner.ts';
import { LIMITS, SCENARIO_VERSION, type ScenarioRun, type ScenarioView } from './scenario.ts';
import { completeSweep } from './sweep/completeSweep.ts';
import type { Sweep } from './sweep/sweep.ts';
import { sweepSchema } from './sweep/sweepSchema.ts';
import {
  addSweepIssues,
  noiseSchema,
  runSchema,
  runsSchema,
  stepsOf,
  stepsSchema,
  toView,
  viewSchema,
} from './scenarioSchema.ts';

/**
 * A scenario on a real network (issue 13's `model` in place of `surface`): the data, the
 * multilayer perceptron, its initial weights and mini-batches, and optionally a `slice` of its
 * landscape, and how the page shows it. Validated by one schema, below; `simulate` and the page
 * run it, and the share link carries it (a generated dataset by name and seed).
 */
export type ModelData =
  | { name: DatasetName; n: number; noise: number; seed: number; classes: number }
  | { points: number[][]; labels: number[] };

export interface ModelRef {
  data: ModelData;
  hidden: number[];
  activation: ActivationName;
  residual: boolean;
  init: { seed: number } | { weights: number[] };
  batch_size: number;
  shuffle: boolean;
}

/** One iterate of one run: step 0 is its start, −1 its last. */
export interface IterateRef {
  run: number;
  step: number;
}

export interface SliceRef {
  plane: 'filter_normalized' | 'pca' | 'points';
  seed: number;
  /** The iterate the plane is centred at; step −1 is the run's last. */
  center: IterateRef;
  /** The plane through three iterates ('points'): a = (0, 0), b = (1, 0), c off the axis. */
  points: IterateRef[] | null;
  span: number;
  resolution: number;
}

export interface ModelScenario {
  version: number;
  model: ModelRef;
  slice: SliceRef | null;
  steps: number;
  noise: { sigma: number; seed: number };
  runs: ScenarioRun[];
  /** How the page shows it: the surface scenarios' view (mode, logHeight, camera, playhead). */
  view: ScenarioView;
  /**
   * Many runs of this scenario, one setting changed in each (sweep/sweep.ts): an lr sweep or a
   * map over two parameters, each over one or more seeds; absent = none. Basin maps and seed
   * fans are for surfaces.
   */
  sweep?: Sweep;
}

/** What the lab computes in reasonable time (the worker pool will raise the work cap). */
export const MODEL_LIMITS = {
  maxPoints: 5000,
  maxLayers: 8,
  maxWidth: 1024,
  maxWeights: 10_000,
  maxClasses: 10,
  /** Multiply-adds of all runs' training and per-iterate full losses, roughly. */
  maxWork: 2e10,
  /**
   * The same measure summed over a sweep's cells (cells × seeds × one run's work): about 10 s
   * of this machine's two cores. Measured: the lab's default network (354 weights, 200 points,
   * batch 32) swept over 2 runs × 40 lrs × 200 steps is 3.9e9 and took 4.4 s on one thread
   * (`simulate`), so no link can ask for minutes.
   */
  maxSweepWork: 2e10,
  maxResolution: 101,
} as const;

const DATASETS = ['moons', 'circles', 'spirals', 'xor', 'blobs'] as const;

const generated = strictRecord(
  {
    name: required(oneOf(DATASETS)),
    n: v.optional(integer(2, MODEL_LIMITS.maxPoints), 200),
    noise: v.optional(finite(0, 10), 0.1),
    seed: v.optional(integer(0, LIMITS.maxSeed), 1),
    classes: v.optional(integer(2, MODEL_LIMITS.maxClasses), 3),
  },
  'field',
);

const explicit = v.pipe(
  strictRecord(
    {
      points: required(
        v.pipe(
          v.array(
            v.pipe(
              v.array(finite(-LIMITS.maxCoordinate, LIMITS.maxCoordinate)),
              v.check((p) => p.length === 2, 'each point must be a pair [x₁, x₂]'),
            ),
            'must be a list of points [x₁, x₂]',
          ),
          v.check(
            (p) => p.length >= 2 && p.length <= MODEL_LIMITS.maxPoints,
            `must hold 2 to ${MODEL_LIMITS.maxPoints} points`,
          ),
        ),
      ),
      labels: required(
        v.array(integer(0, MODEL_LIMITS.maxClasses - 1), 'must be a list of class numbers'),
      ),
    },
    'field',
  ),
  v.check((d) => d.labels.length === d.points.length, 'needs one label per point'),
  v.check((d) => new Set(d.labels).size >= 2, 'needs at least two classes among the labels'),
);

const dataSchema = v.lazy((input) =>
  isPlainObject(input) && 'points' in input ? explicit : generated,
);

const modelSchema = strictRecord(
  {
    data: required(dataSchema),
    hidden: v.optional(
      v.pipe(
        v.array(integer(1, MODEL_LIMITS.maxWidth), 'must be a list of layer widths'),
        v.check(
          (h) => h.length <= MODEL_LIMITS.maxLayers,
          `at most ${MODEL_LIMITS.maxLayers} hidden layers`,
        ),
      ),
      () => [16, 16],
    ),
    activation: v.optional(oneOf(['relu', 'tanh', 'sigmoid'] as const), 'tanh'),
    residual: v.optional(boolean(), false),
    init: v.optional(
      v.lazy((input) =>
        isPlainObject(input) && 'weights' in input
          ? strictRecord(
              { weights: required(v.array(finite(-1e6, 1e6), 'must be a list of numbers')) },
              'field',
            )
          : strictRecord({ seed: v.optional(integer(0, LIMITS.maxSeed), 1) }, 'field'),
      ),
      () => ({ seed: 1 }),
    ),
    batch_size: v.optional(integer(1, MODEL_LIMITS.maxPoints), 32),
    shuffle: v.optional(boolean(), false),
  },
  'field',
);

const iterateRef = strictRecord(
  {
    run: v.optional(integer(0, LIMITS.maxRuns - 1), 0),
    step: v.optional(integer(-1, LIMITS.maxSteps), -1),
  },
  'field',
);

const sliceSchema = orNull(
  strictRecord(
    {
      plane: v.optional(
        oneOf(['filter_normalized', 'pca', 'points'] as const),
        'filter_normalized',
      ),
      seed: v.optional(integer(0, LIMITS.maxSeed), 1),
      center: v.optional(iterateRef, () => ({ run: 0, step: -1 })),
      points: orNull(
        v.pipe(
          v.array(iterateRef, 'must be a list of three iterates {run, step}'),
          v.check((p) => p.length === 3, 'needs exactly three iterates'),
        ),
      ),
      span: v.optional(finite(1e-6, 1e3), 1),
      resolution: v.optional(integer(3, MODEL_LIMITS.maxResolution), 41),
    },
    'field',
  ),
);

/** The classes a dataset has: generated ones 2 (blobs: its `classes`), given ones max label + 1. */
export const classesOf = (d: ModelData): number =>
  'points' in d ? Math.max(...d.labels) + 1 : d.name === 'blobs' ? d.classes : 2;

export const pointsOf = (d: ModelData): number => ('points' in d ? d.points.length : d.n);

/** How many weights the network has. */
export const modelWeights = (m: ModelRef): number =>
  mlpShapes(m, classesOf(m.data)).reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);

/**
 * Multiply-adds of one run, roughly: each step's mini-batch gradient and the full training loss
 * at each iterate, forward and backward (what MODEL_LIMITS.maxWork and maxSweepWork bound).
 */
export function modelRunWork(m: ModelRef, steps: number): number {
  const n = pointsOf(m.data);
  return steps * (Math.min(m.batch_size, n) + n) * modelWeights(m) * 3;
}

function modelScenarioSchema(steps: number) {
  return v.pipe(
    strictRecord(
      {
        version: v.optional(v.unknown()),
        model: required(modelSchema),
        slice: sliceSchema,
        steps: stepsSchema,
        noise: noiseSchema,
        runs: runsSchema(
          v.pipe(
            runSchema(steps),
            v.check(
              (r) => r.start === null,
              'a network’s runs all start at its init weights: no start',
            ),
          ),
        ),
        view: viewSchema(steps),
        sweep: sweepSchema,
      },
      'field',
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const { model, runs, slice } = dataset.value;
      const weights = modelWeights(model);
      if (weights > MODEL_LIMITS.maxWeights)
        return addIssue({
          message: `model: the network has ${weights.toLocaleString('en-US')} weights; the lab trains up to ${MODEL_LIMITS.maxWeights.toLocaleString('en-US')}`,
        });
      if ('weights' in model.init && model.init.weights.length !== weights)
        return addIssue({
          message: `model.init.weights: needs ${weights} numbers, one per weight in model.parameters() order (got ${model.init.weights.length})`,
        });
      const n = pointsOf(model.data);
      const work = runs.length * modelRunWork(model, steps);
      if (work > MODEL_LIMITS.maxWork)
        return addIssue({
          message: `model: ${runs.length} runs × ${steps} steps of this network on ${n} points is about ${work.toExponential(1)} multiply-adds, more than the ${MODEL_LIMITS.maxWork.toExponential(0)} the lab computes: fewer steps, points or weights`,
        });
      // Muon takes the hidden-to-hidden matrices (AdamW the rest): a network needs one.
      const matrixOnly = runs.findIndex((r) => OPTIMIZERS[r.optimizer].matrices);
      if (matrixOnly >= 0 && muonTensors(model.hidden).length === 0)
        return addIssue({
          message: `runs[${matrixOnly}]: ${OPTIMIZERS[runs[matrixOnly].optimizer].label} trains a network's hidden-to-hidden weight matrices (AdamW the rest), and this one has none: it needs at least two hidden layers`,
        });
      const refs = slice ? [slice.center, ...(slice.points ?? [])] : [];
      for (const r of refs)
        if (r.run >= runs.length)
          return addIssue({ message: `slice: run ${r.run} does not exist (${runs.length} runs)` });
      if (slice?.plane === 'points' && !slice.points)
        return addIssue({
          message: 'slice.points: the "points" plane needs three iterates {run, step}',
        });
      const sweep = dataset.value.sweep;
      if (!sweep) return;
      // Both draw paths on the map; a network's paths are projections onto its slice.
      if (sweep.kind === 'basins' || sweep.kind === 'seeds')
        return addIssue({
          message:
            sweep.kind === 'basins'
              ? 'sweep.kind: a basin map sweeps the start point of a surface; a network’s runs all start at its init weights (sweep "lr" or "grid2")'
              : 'sweep.kind: a seed fan is drawn on a surface; on a network, sweep "lr" or "grid2" with seeds > 1 for a band over seeds',
        });
      const budget = {
        perCell: modelRunWork(model, steps),
        max: MODEL_LIMITS.maxSweepWork,
        unit: 'multiply-adds (cells × seeds × one run’s training)',
      };
      addSweepIssues(dataset.value, completeSweep(sweep, { runs }), runs, steps, budget, addIssue);
    }),
    v.transform((o): ModelScenario => {
      const s: ModelScenario = {
        version: SCENARIO_VERSION,
        model: o.model as ModelRef,
        slice: o.slice as SliceRef | null,
        steps: o.steps,
        noise: o.noise,
        runs: o.runs,
        view: toView(o.view),
      };
      if (o.sweep) s.sweep = completeSweep(o.sweep, s);
      return s;
    }),
  );
}

/** Whether untrusted scenario data describes a network rather than a surface. */
export const isModelScenario = (input: unknown): boolean =>
  isPlainObject(input) && 'model' in input;

/**
 * Validate a network scenario (after the migrations surface scenarios go through), every default
 * filled in; throws a ScenarioError naming the first bad field (a FieldError for a bad version).
 */
export function parseModelScenario(input: unknown): ModelScenario {
  const migrated = migrateScenario(input);
  const r = issuesOf(modelScenarioSchema(stepsOf(migrated)), migrated);
  if (!r.ok) throw new ScenarioError(r.issues[0]);
  return r.value;
}
