import * as v from 'valibot';
import {
  isPlainObject,
  pathText,
  refuse,
  required,
  strictRecord,
  type Obj,
} from '../engine/issues.ts';
import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { ownEntry } from '../engine/ownEntry.ts';
import { paramsSchema } from '../engine/paramsSchema.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { specsOf } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { compileExpression, ExpressionError } from '../surfaces/expression/index.ts';
import {
  boolean,
  finite,
  integer,
  oneOf,
  orNull,
  point,
  registryKey,
  text,
  vector,
} from './fields.ts';
import { runProblem } from './runProblem.ts';
import { completeSweep } from './sweep/completeSweep.ts';
import { sweepProblems, type SweepWork } from './sweep/sweepProblems.ts';
import { SWEEP_LIMITS, type Sweep } from './sweep/sweep.ts';
import { sweepSchema, type SweepInput } from './sweep/sweepSchema.ts';
import {
  DEFAULT_DOMAIN,
  DEFAULT_NOISE,
  DEFAULT_STEPS,
  LIMITS,
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioRun,
  type ScenarioView,
  type SurfaceRef,
} from './scenario.ts';

/**
 * The one schema of a scenario (a simulate file, or a decoded share link after its migrations):
 * validation with every default filled in. Parameter groups come from the registries' parameter
 * descriptions (paramsSchema), so a new optimizer, schedule or surface needs nothing here.
 */

const SURFACE_FIELDS = ['id', 'params', 'expression', 'domain'];

const expressionSurface = strictRecord(
  {
    expression: required(
      v.pipe(
        text(LIMITS.maxExpression),
        // Compiled here, at the edge (memoized, so building the surface later is free): an
        // expression that passes the cheap check can still be too complex to differentiate.
        v.rawCheck(({ dataset, addIssue }) => {
          if (!dataset.typed) return;
          try {
            compileExpression(dataset.value);
          } catch (e) {
            if (!(e instanceof ExpressionError)) throw e;
            addIssue({ message: e.message });
          }
        }),
      ),
    ),
    domain: v.optional(
      v.pipe(
        vector(4, LIMITS.maxCoordinate, '[xMin, xMax, yMin, yMax]'),
        v.check((b) => b[0] < b[1] && b[2] < b[3], 'needs xMin < xMax and yMin < yMax'),
      ),
      () => [...DEFAULT_DOMAIN] as [number, number, number, number],
    ),
    // An expression surface has no parameters; a `params` beside it is ignored.
    params: v.optional(v.unknown()),
    id: v.optional(v.unknown()),
  },
  'field',
  SURFACE_FIELDS,
);

const surfaceId = registryKey(SURFACES, 64, (id) => `unknown surface "${id}"`);

/** A catalog surface's schema, its parameters from the surface's own descriptions. */
const catalogSurface = (id: unknown) =>
  strictRecord(
    {
      id: surfaceId,
      params: paramsSchema(ownEntry(SURFACES, id)?.params ?? []),
      expression: v.optional(v.unknown()),
      domain: v.optional(refuse('only an expression surface takes a domain')),
    },
    'field',
    SURFACE_FIELDS,
  );

const surfaceSchema: v.GenericSchema<unknown, SurfaceRef> = v.lazy((input) => {
  if (!isPlainObject(input)) return refuse('must be an object');
  if (input.expression !== undefined) {
    if (input.id !== undefined) return refuse('give either id or expression, not both');
    return v.pipe(
      expressionSurface,
      v.transform((s) => ({ expression: s.expression, domain: s.domain })),
    );
  }
  if (input.id === undefined) return refuse('needs an id or an expression');
  return v.pipe(
    catalogSurface(input.id),
    v.transform((s) => ({ id: s.id, params: s.params })),
  );
});

const optimizerName = registryKey(
  OPTIMIZERS,
  32,
  // Twenty ids do not fit a readable message: the common ones, and where the rest are listed.
  (id) =>
    `unknown optimizer "${id}" (for example ${['sgd', 'adam', 'adamw', 'rmsprop', 'lion', 'lbfgs'].join(', ')}; docs/scenario.md lists all ${Object.keys(OPTIMIZERS).length})`,
);
const scheduleName = registryKey(
  SCHEDULES,
  40,
  (name) => `unknown schedule "${name}" (one of: ${Object.keys(SCHEDULES).join(', ')})`,
);

const scheduleSchema = v.lazy((input) =>
  strictRecord(
    {
      name: required(scheduleName),
      params: paramsSchema(
        isPlainObject(input) ? (ownEntry(SCHEDULES, input.name)?.params ?? []) : [],
      ),
    },
    'field',
  ),
);

const COLOR = /^#[0-9a-fA-F]{6}$/;
const colorSchema = v.pipe(
  text(7),
  v.check((s) => COLOR.test(s), 'must be a colour like "#1f77b4"'),
  v.transform((s) => s.toLowerCase()),
);

/** The fields a run's physics depends on (a problem in any of them drops the run). */
const PHYSICS = ['optimizer', 'params', 'schedule'];
/** The order the unknown-field message lists a run's fields in. */
const RUN_FIELDS = ['optimizer', 'params', 'schedule', 'start', 'swa', 'label', 'color', 'visible'];

export function runSchema(steps: number) {
  const swa = orNull(strictRecord({ start: required(integer(0, steps)) }, 'field'));
  // One schema per parameter group (an optimizer's, or SAM's for a given base).
  const byParams = new WeakMap<object, v.GenericSchema<unknown, ScenarioRun>>();
  return v.lazy((input) => {
    const def = isPlainObject(input) ? ownEntry(OPTIMIZERS, input.optimizer) : undefined;
    const params = def ? paramsSchema(specsOf(def, (input as Obj).params)) : UNKNOWN_PARAMS;
    let schema = byParams.get(params);
    if (!schema) byParams.set(params, (schema = runRecord(params, swa, steps)));
    return schema;
  });
}

/** Before the optimizer is known there is nothing to check its parameters against. */
const UNKNOWN_PARAMS = v.optional(v.unknown());

function runRecord(
  params: v.GenericSchema<unknown, unknown>,
  swa: v.GenericSchema<unknown, { start: number } | null>,
  steps: number,
): v.GenericSchema<unknown, ScenarioRun> {
  return v.pipe(
    strictRecord(
      {
        optimizer: required(optimizerName),
        params,
        schedule: orNull(scheduleSchema),
        swa,
        // Validated before label, so a run with both wrong reads in the order it is drawn.
        color: orNull(colorSchema),
        start: orNull(point(LIMITS.maxCoordinate)),
        label: orNull(text(LIMITS.maxLabel)),
        visible: v.optional(boolean(), true),
      },
      'field',
      RUN_FIELDS,
    ),
    // torch's constructor checks (nesterov needs momentum, OneCycleLR needs momentum or
    // betas…), once the fields they read are valid.
    v.rawCheck(({ dataset, addIssue }) => {
      const bad = dataset.issues?.some((i) => PHYSICS.includes(String(i.path?.[0]?.key)));
      if (bad || !isPlainObject(dataset.value)) return;
      const run = toRun(dataset.value as unknown as ScenarioRun);
      const problem = runProblem(run, steps);
      if (!problem) return;
      const o = dataset.value;
      addIssue({
        message: problem,
        path: run.schedule
          ? undefined
          : [{ type: 'object', origin: 'value', input: o, key: 'params', value: o.params }],
      });
    }),
    v.transform((r) => toRun(r as unknown as ScenarioRun)),
  );
}

/**
 * A run as the lab holds it: the constant schedule is no schedule. (A new run field needs its
 * entry in runRecord, its name in RUN_FIELDS and its type in ScenarioRun; nothing else.)
 */
const toRun = (r: ScenarioRun): ScenarioRun => ({
  ...r,
  schedule: r.schedule && r.schedule.name !== 'constant' ? r.schedule : null,
});

const vec3 = vector(3, 1e4, '[x, y, z]');

/** How the page shows a scenario (surface or network); a bad field names itself. */
export function viewSchema(steps: number) {
  return v.nullish(
    strictRecord(
      {
        camera: orNull(strictRecord({ position: required(vec3), target: required(vec3) }, 'field')),
        mode: v.optional(oneOf(['3d', '2d'] as const), '3d'),
        logHeight: orNull(boolean()),
        playhead: v.optional(integer(0, steps), steps),
      },
      'field',
    ),
    {},
  );
}

/** A validated view as the lab holds it (fields in their order, defaults filled in). */
export const toView = (o: v.InferOutput<ReturnType<typeof viewSchema>>): ScenarioView => ({
  mode: o.mode,
  logHeight: o.logHeight,
  camera: o.camera,
  playhead: o.playhead,
});

export const stepsSchema = v.nullish(integer(1, LIMITS.maxSteps), DEFAULT_STEPS);

/** Gradient noise on every weight (and, for a network, the shuffle's seed). */
export const noiseSchema = v.optional(
  strictRecord(
    {
      sigma: v.optional(finite(0, LIMITS.maxSigma), DEFAULT_NOISE.sigma),
      seed: v.optional(integer(0, LIMITS.maxSeed), DEFAULT_NOISE.seed),
    },
    'field',
  ),
  () => ({ ...DEFAULT_NOISE }),
);

/** The scenario's list of runs, 1 to LIMITS.maxRuns of them, each validated by `run`. */
export function runsSchema(run: v.GenericSchema<unknown, ScenarioRun>) {
  return required(
    v.pipe(
      v.custom<unknown[]>(Array.isArray, 'must be a list of runs'),
      v.check((r) => r.length > 0, 'needs at least one run'),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const n = dataset.value.length;
        if (n > LIMITS.maxRuns) addIssue({ message: `at most ${LIMITS.maxRuns} runs (got ${n})` });
      }),
      v.array(run),
    ),
  );
}

/**
 * The steps a scenario will have: its own when valid, else the default (what a repaired link
 * gets). The playhead and SWA start are bounded by it.
 */
export function stepsOf(input: unknown): number {
  const steps = isPlainObject(input) ? input.steps : undefined;
  const r = v.safeParse(stepsSchema, steps);
  return r.success ? r.output : DEFAULT_STEPS;
}

/** A valibot issue path through plain objects and lists, from keys (for a rule's issue). */
function issuePath(root: unknown, keys: readonly (string | number)[]) {
  const items: v.IssuePathItem[] = [];
  let at: unknown = root;
  for (const key of keys) {
    const value = (at as Record<string | number, unknown> | undefined)?.[key];
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: at as unknown[], key, value }
        : { type: 'object', origin: 'value', input: at as Record<string, unknown>, key, value },
    );
    at = value;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

const cache = new Map<number, v.GenericSchema<unknown, Scenario>>();

/**
 * The problems of a completed sweep against the runs it sweeps (sweepProblems.ts), each added
 * as an issue at its field below `root` (a surface or a network scenario). `work`: what one
 * cell costs and the most all of them may.
 */
export function addSweepIssues(
  root: unknown,
  sweep: Sweep,
  runs: readonly ScenarioRun[],
  steps: number,
  work: SweepWork,
  addIssue: (issue: { message: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
): void {
  const checkRun = runSchema(steps);
  const runIssue = (run: ScenarioRun) => {
    const r = v.safeParse(checkRun, run);
    if (r.success) return null;
    const i = r.issues[0];
    const where = pathText((i.path ?? []).map((p) => p.key as string | number));
    // A rule (torch's cross-parameter checks) is a sentence of its own.
    return where && i.type !== 'raw_check' ? `${where} ${i.message}` : i.message;
  };
  for (const p of sweepProblems(sweep, runs, runIssue, work))
    addIssue({ message: p.message, path: issuePath(root, p.path) });
}

/** The scenario schema for a given number of steps (memoized: a link has one of a few). */
export function scenarioSchema(steps: number): v.GenericSchema<unknown, Scenario> {
  let schema = cache.get(steps);
  if (schema) return schema;
  if (cache.size >= 16) cache.clear();
  schema = v.pipe(
    strictRecord(
      {
        // Checked (and brought up to date) by migrateScenario before validation.
        version: v.optional(v.unknown()),
        steps: stepsSchema,
        start: orNull(point(LIMITS.maxCoordinate)),
        noise: noiseSchema,
        surface: required(surfaceSchema),
        runs: runsSchema(runSchema(steps)),
        view: viewSchema(steps),
        sweep: sweepSchema,
      },
      'field',
      ['version', 'surface', 'start', 'steps', 'noise', 'runs', 'view', 'sweep'],
    ),
    // The sweep against the runs it sweeps, once they (and the steps) are valid.
    v.rawCheck(({ dataset, addIssue }) => {
      const o = dataset.value as Record<string, unknown>;
      if (!isPlainObject(o) || !o.sweep) return;
      const bad = dataset.issues?.some((i) =>
        ['steps', 'runs', 'surface', 'sweep'].includes(String(i.path?.[0]?.key)),
      );
      if (bad) return;
      const ctx = o as unknown as Pick<Scenario, 'runs' | 'steps' | 'surface'>;
      const sweep = completeSweep(o.sweep as SweepInput, ctx);
      const work = {
        perCell: steps,
        max: SWEEP_LIMITS.maxWork,
        unit: 'optimizer steps (cells × seeds × steps)',
      };
      addSweepIssues(o, sweep, ctx.runs, steps, work, addIssue);
    }),
    v.transform((o): Scenario => {
      const s: Scenario = {
        version: SCENARIO_VERSION,
        surface: o.surface,
        start: o.start,
        steps: o.steps,
        noise: o.noise,
        runs: o.runs,
        view: toView(o.view),
      };
      if (o.sweep) s.sweep = completeSweep(o.sweep, s);
      return s;
    }),
  );
  cache.set(steps, schema);
  return schema;
}
