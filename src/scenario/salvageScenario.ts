import { FieldError } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { DEFAULT_SCENARIO_JSON, defaultScenario } from './defaultScenario.ts';
import { clip, describeFieldError } from './describeFieldError.ts';
import { isPlainObject, type Obj } from './fields.ts';
import { migrateScenario } from './migrations.ts';
import { parseScenario } from './parseScenario.ts';
import { LIMITS, SCENARIO_VERSION, type Scenario } from './scenario.ts';

/**
 * Read as much of an untrusted scenario as is valid, saying what was dropped or reset.
 *
 * parseScenario stops at the first bad field; a shared link with one bad run should still show
 * the other runs. So each part is checked on its own, with parseScenario itself as the judge
 * (a part is put into a minimal scenario and parsed), and repaired by the narrowest fix:
 *   - an unknown field or parameter is ignored (a link from a newer app may carry one);
 *   - a bad view field, label, colour or noise field is reset to its default;
 *   - a bad surface parameter is reset; a surface that cannot be read becomes the default one;
 *   - a run with a bad optimizer, parameter, schedule, start or SWA setting is dropped: its
 *     physics would not be what the link's author saw, and a silently different run teaches
 *     the wrong lesson; if no run survives, the default runs are shown;
 *   - only the first LIMITS.maxRuns runs are kept.
 * Every repair removes something, and each part is retried a bounded number of times, so the
 * whole takes a bounded number of (cheap) parses whatever the input.
 */
export interface Salvaged {
  scenario: Scenario;
  /** One sentence per thing that was dropped, reset or ignored (empty when intact). */
  problems: string[];
  /** 'ok': read as is; 'repaired': parts were dropped or reset; 'default': nothing usable. */
  status: 'ok' | 'repaired' | 'default';
}

const TOP_FIELDS = ['version', 'surface', 'start', 'steps', 'noise', 'runs', 'view'];
/** Enough retries for every field a part has, then give up on the part. */
const MAX_TRIES = 24;

/** A stand-in surface and run for checking the other parts alone (the cheapest valid ones). */
const PROBE_SURFACE = { id: 'ravine' };
const PROBE_RUN = { optimizer: 'sgd' };

/** The parsed scenario, or the error that stopped parsing it. */
function tryParse(input: unknown): Scenario | FieldError {
  try {
    return parseScenario(input);
  } catch (e) {
    return e instanceof FieldError ? e : new FieldError('', clip(String(e), 80));
  }
}

function check(input: unknown): FieldError | null {
  const r = tryParse(input);
  return r instanceof FieldError ? r : null;
}

/** A shallow copy that keeps keys like "__proto__" as plain data (no [[Set]], no setters). */
const copy = (o: Obj): Obj => Object.fromEntries(Object.entries(o));

const unknownKey = (e: FieldError) => /^unknown (field|parameter)\b/.test(e.problem);

/** The part of a path after a prefix, e.g. rest('runs[0].params.lr', 'runs[0]') = 'params.lr'. */
function below(path: string, prefix: string): string | null {
  if (path === prefix) return '';
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return null;
}

/** Delete the key at a dotted path below `root` (copying the objects on the way). */
function deleteAt(root: Obj, path: string): boolean {
  const keys = splitPath(path);
  if (!keys) return false;
  let o = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = o[keys[i]];
    if (!isPlainObject(next)) return false;
    o[keys[i]] = copy(next);
    o = o[keys[i]] as Obj;
  }
  const last = keys[keys.length - 1];
  if (!Object.hasOwn(o, last)) return false;
  delete o[last];
  return true;
}

/**
 * Split `a.b.c` into keys, where the last key may itself contain dots (an unknown key from the
 * input) and a trailing `[i]` index is dropped (it belongs to the field before it).
 */
function splitPath(path: string): string[] | null {
  const clean = path.replace(/\[\d+\]$/, '');
  if (!clean) return null;
  const known = ['params', 'schedule', 'swa', 'camera', 'noise', 'view', 'surface'];
  const keys: string[] = [];
  let rest = clean;
  for (;;) {
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    const head = rest.slice(0, dot);
    if (!known.includes(head)) break;
    keys.push(head);
    rest = rest.slice(dot + 1);
  }
  keys.push(rest);
  return keys;
}

export function salvageScenario(input: unknown): Salvaged {
  const first = tryParse(input);
  if (!(first instanceof FieldError)) return { scenario: first, problems: [], status: 'ok' };

  const problems: string[] = [];
  const fallback = (why: string): Salvaged => ({
    scenario: defaultScenario(),
    problems: [...problems, why, 'showing the default scenario instead'],
    status: 'default',
  });
  if (!isPlainObject(input)) return fallback(describeFieldError(first));

  let work = copy(input);

  // Version: an unreadable or newer version is read as the current one (best effort).
  try {
    const migrated = migrateScenario(work);
    work = isPlainObject(migrated) ? copy(migrated) : work;
  } catch (e) {
    const v = work.version;
    const newer = typeof v === 'number' && Number.isInteger(v) && v > SCENARIO_VERSION;
    problems.push(
      newer
        ? `this link was made by a newer version of the app (scenario version ${v}; this one reads ${SCENARIO_VERSION}): showing the parts it understands`
        : `${e instanceof FieldError ? describeFieldError(e) : 'version: unreadable'}; read as version ${SCENARIO_VERSION}`,
    );
    work.version = SCENARIO_VERSION;
  }

  for (const key of Object.keys(work))
    if (!TOP_FIELDS.includes(key)) {
      problems.push(`unknown field "${clip(key)}" was ignored`);
      delete work[key];
    }

  const probe = (part: Obj) =>
    check({ surface: PROBE_SURFACE, runs: [PROBE_RUN], ...part, version: SCENARIO_VERSION });

  // Scalars and small objects: reset whatever is bad, key by key.
  const resetBad = (field: string, extra: () => Obj = () => ({})) => {
    for (let i = 0; i < MAX_TRIES && work[field] !== undefined; i++) {
      const e = probe({ ...extra(), [field]: work[field] });
      if (!e) return;
      const sub = below(e.path, field);
      if (sub === null) {
        // The error is elsewhere in the probe (cannot happen with valid stand-ins): drop the field.
        delete work[field];
        return;
      }
      const text = describeFieldError(e);
      const unknown = unknownKey(e);
      problems.push(unknown ? `${text} was ignored` : `${text}; reset to the default`);
      // An unknown key goes alone; a bad value resets its whole sub-field (e.g. the camera).
      const target = unknown ? sub : (/^[^.[]+/.exec(sub)?.[0] ?? '');
      const part = work[field];
      if (target === '' || !isPlainObject(part) || !deleteAt((work[field] = copy(part)), target))
        delete work[field];
    }
  };

  resetBad('steps');
  resetBad('start');
  resetBad('noise');
  const steps = () => (work.steps === undefined ? {} : { steps: work.steps });

  salvageSurface(work, problems, probe);
  salvageRuns(work, problems, steps, probe);
  resetBad('view', steps);

  const last = tryParse(work);
  if (last instanceof FieldError) return fallback(describeFieldError(last));
  return { scenario: last, problems, status: 'repaired' };
}

function salvageSurface(work: Obj, problems: string[], probe: (part: Obj) => FieldError | null) {
  const replace = (e: FieldError) => {
    const def = SURFACES[DEFAULT_SCENARIO_JSON.surface.id];
    problems.push(
      `${describeFieldError(e)}; the surface was replaced by the default (${def.name})`,
    );
    work.surface = { ...DEFAULT_SCENARIO_JSON.surface };
  };
  for (let i = 0; i < MAX_TRIES; i++) {
    const e = probe({ surface: work.surface });
    if (!e) return;
    const sub = below(e.path, 'surface');
    const surface = isPlainObject(work.surface) ? copy(work.surface) : null;
    if (sub === null || !surface) return replace(e);
    const param = /^params\.([\s\S]+)$/.exec(sub);
    if (sub === 'params') {
      problems.push(`${describeFieldError(e)}; using the default parameters`);
      delete surface.params;
    } else if (param && isPlainObject(surface.params)) {
      problems.push(
        `${describeFieldError(e)}${unknownKey(e) ? ' was ignored' : '; reset to the default'}`,
      );
      surface.params = copy(surface.params);
      delete (surface.params as Obj)[param[1]];
    } else if (/^domain(\[\d+\])?$/.test(sub) && surface.expression !== undefined) {
      problems.push(`${describeFieldError(e)}; using the default domain`);
      delete surface.domain;
    } else if (unknownKey(e) && sub !== '' && !sub.includes('.') && sub !== 'params') {
      problems.push(`${describeFieldError(e)} was ignored`);
      delete surface[sub];
    } else return replace(e);
    work.surface = surface;
  }
  replace(new FieldError('surface', 'could not be read'));
}

/** Fields of a run that only change how it is drawn: a bad one is reset, not fatal. */
const COSMETIC = /^(label|color|visible)$/;

function salvageRuns(
  work: Obj,
  problems: string[],
  steps: () => Obj,
  probe: (part: Obj) => FieldError | null,
) {
  const useDefault = (why: string) => {
    problems.push(`${why}; showing the default runs`);
    work.runs = DEFAULT_SCENARIO_JSON.runs.map((r) => ({ ...r, params: { ...r.params } }));
  };
  if (!Array.isArray(work.runs)) return useDefault('the link has no list of runs');
  let runs: unknown[] = work.runs;
  if (runs.length > LIMITS.maxRuns) {
    problems.push(`only the first ${LIMITS.maxRuns} of ${runs.length} runs were kept`);
    runs = runs.slice(0, LIMITS.maxRuns);
  }
  const kept: unknown[] = [];
  runs.forEach((original, index) => {
    let run: unknown = isPlainObject(original) ? copy(original) : original;
    const name = `run ${index + 1}`;
    for (let i = 0; i < MAX_TRIES; i++) {
      const e = probe({ ...steps(), runs: [run] });
      if (!e) {
        kept.push(run);
        return;
      }
      const sub = below(e.path, 'runs[0]');
      if (sub === null || !isPlainObject(run)) break;
      // The probe holds this run alone as runs[0]; the sentence names it by `name` instead.
      const text = describeFieldError(e).replace(/^run \d+: /, '');
      if (unknownKey(e) && sub !== '') {
        problems.push(`${name}: ${text} was ignored`);
        if (!deleteAt(run, sub)) break;
      } else if (COSMETIC.test(sub)) {
        problems.push(`${name}: ${text}; reset to the default`);
        delete run[sub];
      } else {
        problems.push(`${name} was dropped: ${text}`);
        return;
      }
      run = copy(run);
    }
    problems.push(`${name} was dropped: it could not be read`);
  });
  if (kept.length === 0) return useDefault('no run in the link could be read');
  work.runs = kept;
}
