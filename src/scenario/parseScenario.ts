import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { ownEntry } from '../engine/ownEntry.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { FieldError, resolveParams, specsOf } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { compileExpression, ExpressionError } from '../surfaces/expression/index.ts';
import { boolean, finite, integer, object, oneOf, opt, point, text } from './fields.ts';
import type { Obj } from './fields.ts';
import { migrateScenario } from './migrations.ts';
import { runProblem } from './runProblem.ts';
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

const COLOR = /^#[0-9a-fA-F]{6}$/;

function parseSurface(v: unknown): SurfaceRef {
  const o = object(v, 'surface', ['id', 'params', 'expression', 'domain']);
  if (o.expression !== undefined) {
    if (o.id !== undefined)
      throw new FieldError('surface', 'give either id or expression, not both');
    const expression = text(o.expression, 'surface.expression', LIMITS.maxExpression);
    // Compiled here, at the edge (memoized, so building the surface later is free): an
    // expression that passes the cheap check can still be too complex to differentiate.
    try {
      compileExpression(expression);
    } catch (e) {
      if (e instanceof ExpressionError) throw new FieldError('surface.expression', e.message);
      throw e;
    }
    const domain = opt(o, 'domain', (d) => {
      if (!Array.isArray(d) || d.length !== 4)
        throw new FieldError('surface.domain', 'must be [xMin, xMax, yMin, yMax]');
      const b = d.map((x, i) =>
        finite(x, `surface.domain[${i}]`, -LIMITS.maxCoordinate, LIMITS.maxCoordinate),
      );
      if (!(b[0] < b[1] && b[2] < b[3]))
        throw new FieldError('surface.domain', 'needs xMin < xMax and yMin < yMax');
      return b as [number, number, number, number];
    });
    return { expression, domain: domain ?? [...DEFAULT_DOMAIN] };
  }
  if (o.id === undefined) throw new FieldError('surface', 'needs an id or an expression');
  if (o.domain !== undefined)
    throw new FieldError('surface.domain', 'only an expression surface takes a domain');
  const id = text(o.id, 'surface.id', 64);
  const def = ownEntry(SURFACES, id);
  if (!def) throw new FieldError('surface.id', `unknown surface "${id}" (see simulate --list)`);
  return { id, params: resolveParams(def.params, o.params, 'surface.params') };
}

function parseRun(v: unknown, i: number, steps: number): ScenarioRun {
  const path = `runs[${i}]`;
  const o = object(v, path, [
    'optimizer',
    'params',
    'schedule',
    'start',
    'swa',
    'label',
    'color',
    'visible',
  ]);
  const id = text(o.optimizer, `${path}.optimizer`, 32);
  const def = ownEntry(OPTIMIZERS, id);
  if (!def)
    throw new FieldError(
      `${path}.optimizer`,
      `unknown optimizer "${id}" (one of: ${Object.keys(OPTIMIZERS).join(', ')})`,
    );
  const params = resolveParams(specsOf(def, o.params), o.params, `${path}.params`);

  let schedule: ScenarioRun['schedule'] = null;
  if (o.schedule !== undefined && o.schedule !== null) {
    const so = object(o.schedule, `${path}.schedule`, ['name', 'params']);
    const name = text(so.name, `${path}.schedule.name`, 40);
    const sdef = ownEntry(SCHEDULES, name);
    if (!sdef)
      throw new FieldError(
        `${path}.schedule.name`,
        `unknown schedule "${name}" (one of: ${Object.keys(SCHEDULES).join(', ')})`,
      );
    const sparams = resolveParams(sdef.params, so.params, `${path}.schedule.params`);
    schedule = name === 'constant' ? null : { name, params: sparams };
  }
  const swa = opt(o, 'swa', (s) => {
    if (s === null) return null;
    const so = object(s, `${path}.swa`, ['start']);
    return { start: integer(so.start, `${path}.swa.start`, 0, steps) };
  });
  const color = opt(o, 'color', (c) => {
    if (c === null) return null;
    const s = text(c, `${path}.color`, 7);
    if (!COLOR.test(s)) throw new FieldError(`${path}.color`, 'must be a colour like "#1f77b4"');
    return s.toLowerCase();
  });
  const run: ScenarioRun = {
    optimizer: id,
    params,
    schedule,
    start:
      opt(o, 'start', (s) =>
        s === null ? null : point(s, `${path}.start`, LIMITS.maxCoordinate),
      ) ?? null,
    swa: swa ?? null,
    label:
      opt(o, 'label', (l) => (l === null ? null : text(l, `${path}.label`, LIMITS.maxLabel))) ??
      null,
    color: color ?? null,
    visible: opt(o, 'visible', (b) => boolean(b, `${path}.visible`)) ?? true,
  };
  // torch's constructor checks (nesterov needs momentum, OneCycleLR needs momentum or betas…)
  const problem = runProblem(run, steps);
  if (problem) throw new FieldError(run.schedule ? `${path}` : `${path}.params`, problem);
  return run;
}

function parseView(v: unknown, steps: number): ScenarioView {
  const o = object(v ?? {}, 'view', ['mode', 'logHeight', 'camera', 'playhead']);
  const camera = opt(o, 'camera', (c) => {
    if (c === null) return null;
    const co = object(c, 'view.camera', ['position', 'target']);
    const vec = (x: unknown, p: string): [number, number, number] => {
      if (!Array.isArray(x) || x.length !== 3) throw new FieldError(p, 'must be [x, y, z]');
      return [
        finite(x[0], `${p}[0]`, -1e4, 1e4),
        finite(x[1], `${p}[1]`, -1e4, 1e4),
        finite(x[2], `${p}[2]`, -1e4, 1e4),
      ];
    };
    return {
      position: vec(co.position, 'view.camera.position'),
      target: vec(co.target, 'view.camera.target'),
    };
  });
  return {
    mode: opt(o, 'mode', (m) => oneOf(m, 'view.mode', ['3d', '2d'] as const)) ?? '3d',
    logHeight:
      opt(o, 'logHeight', (b) => (b === null ? null : boolean(b, 'view.logHeight'))) ?? null,
    camera: camera ?? null,
    playhead: opt(o, 'playhead', (p) => integer(p, 'view.playhead', 0, steps)) ?? steps,
  };
}

/**
 * Validate untrusted scenario data (a parsed JSON file or a decoded link) into a Scenario with
 * every default filled in. Throws FieldError naming the first offending field. Older schema
 * versions are migrated first.
 */
export function parseScenario(input: unknown): Scenario {
  const migrated = migrateScenario(input);
  const o: Obj = object(migrated, '', [
    'version',
    'surface',
    'start',
    'steps',
    'noise',
    'runs',
    'view',
  ]);
  const steps = integer(o.steps ?? DEFAULT_STEPS, 'steps', 1, LIMITS.maxSteps);
  const noise = opt(o, 'noise', (n) => {
    const no = object(n, 'noise', ['sigma', 'seed']);
    return {
      sigma:
        opt(no, 'sigma', (s) => finite(s, 'noise.sigma', 0, LIMITS.maxSigma)) ??
        DEFAULT_NOISE.sigma,
      seed:
        opt(no, 'seed', (s) => integer(s, 'noise.seed', 0, LIMITS.maxSeed)) ?? DEFAULT_NOISE.seed,
    };
  }) ?? { ...DEFAULT_NOISE };
  if (!Array.isArray(o.runs)) throw new FieldError('runs', 'must be a list of runs');
  if (o.runs.length === 0) throw new FieldError('runs', 'needs at least one run');
  if (o.runs.length > LIMITS.maxRuns)
    throw new FieldError('runs', `at most ${LIMITS.maxRuns} runs (got ${o.runs.length})`);
  return {
    version: SCENARIO_VERSION,
    surface: parseSurface(o.surface),
    start:
      opt(o, 'start', (s) => (s === null ? null : point(s, 'start', LIMITS.maxCoordinate))) ?? null,
    steps,
    noise,
    runs: o.runs.map((r, i) => parseRun(r, i, steps)),
    view: parseView(o.view, steps),
  };
}
