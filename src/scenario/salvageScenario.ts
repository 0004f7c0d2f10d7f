import { isPlainObject, pathText, type Issue, type Obj, type PathKey } from '../engine/issues.ts';
import { FieldError } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { DEFAULT_SCENARIO_JSON, defaultScenario } from './defaultScenario.ts';
import { clip, describeFieldError, describeIssue } from './describeFieldError.ts';
import { migrateScenario } from './migrations.ts';
import { checkScenario } from './parseScenario.ts';
import { LIMITS, SCENARIO_VERSION, type Scenario } from './scenario.ts';

/**
 * Read as much of an untrusted scenario as is valid, saying what was dropped or reset.
 *
 * The schema reports every problem at once, each with its path and kind; each is repaired by
 * its field's fallback, in one pass:
 *   - an unknown field or parameter is ignored (a link from a newer app may carry one);
 *   - a bad view field, label, colour, steps, start or noise field is reset to its default;
 *   - a bad surface parameter or domain is reset; a surface that cannot be read becomes the
 *     default one;
 *   - a run with a bad optimizer, parameter, schedule, start or SWA setting is dropped: its
 *     physics would not be what the link's author saw, and a silently different run teaches
 *     the wrong lesson; if no run survives, the default runs are shown;
 *   - only the first LIMITS.maxRuns runs are kept.
 * The repaired scenario is then validated once more; should that still fail (no known input
 * does), the default scenario is shown. So a link costs at most two validations.
 */
export interface Salvaged {
  scenario: Scenario;
  /** One sentence per thing that was dropped, reset or ignored (empty when intact). */
  problems: string[];
  /** 'ok': read as is; 'repaired': parts were dropped or reset; 'default': nothing usable. */
  status: 'ok' | 'repaired' | 'default';
}

/** Fields of a run that only change how it is drawn: a bad one is reset, not fatal. */
const COSMETIC: readonly PathKey[] = ['label', 'color', 'visible'];

/** A shallow copy that keeps keys like "__proto__" as plain data (no [[Set]], no setters). */
const copy = (o: Obj): Obj => Object.fromEntries(Object.entries(o));

/**
 * Delete the key at a path (copying the objects on the way, so the input is never changed).
 * Returns false when there is nothing there to delete.
 */
function deleteAt(root: Obj, path: readonly PathKey[]): void {
  let o: Obj | unknown[] = root;
  for (const key of path.slice(0, -1)) {
    const next: unknown = (o as Obj)[key];
    if (Array.isArray(next)) o = (o as Obj)[key] = [...next];
    else if (isPlainObject(next)) o = (o as Obj)[key] = copy(next);
    else return;
  }
  const last = path[path.length - 1];
  if (isPlainObject(o) && Object.hasOwn(o, last)) delete o[last];
}

/** What to do about one issue: delete a field (and say how it reads), or give up on a part. */
type Repair =
  | { delete: readonly PathKey[]; note: string }
  | { dropRun: number }
  | { replaceSurface: true }
  /** No list of runs, or an empty one: the default runs are shown (after the pass). */
  | { defaultRuns: true };

/** The fallback of the field an issue is about. */
function repairFor(issue: Issue, work: Obj): Repair {
  const { path, kind } = issue;
  const [head, ...rest] = path;
  if (kind === 'unknown-key') return { delete: path, note: ' was ignored' };
  const reset = (at: readonly PathKey[]) => ({ delete: at, note: '; reset to the default' });
  switch (head) {
    case 'surface': {
      const surface = isPlainObject(work.surface) ? work.surface : {};
      if (rest[0] === 'params')
        return rest.length === 1
          ? { delete: ['surface', 'params'], note: '; using the default parameters' }
          : reset(['surface', 'params', rest[1]]);
      if (rest[0] === 'domain' && surface.expression !== undefined)
        return { delete: ['surface', 'domain'], note: '; using the default domain' };
      return { replaceSurface: true };
    }
    case 'runs': {
      const [index, field] = rest;
      if (typeof index !== 'number') return { defaultRuns: true };
      if (rest.length === 2 && COSMETIC.includes(field)) return reset(['runs', index, field]);
      return { dropRun: index };
    }
    case 'sweep':
      // A sweep is one question as a whole: a bad part of it drops it, the runs stay.
      return { delete: ['sweep'], note: '; the sweep was dropped' };
    case 'view':
    case 'noise':
      // A bad value resets its whole sub-field (e.g. the camera as a whole).
      return reset(rest.length > 0 ? [head, rest[0]] : [head]);
    default:
      return reset([head]);
  }
}

export function salvageScenario(input: unknown): Salvaged {
  const problems: string[] = [];
  const fallback = (why: string): Salvaged => ({
    scenario: defaultScenario(),
    problems: [...problems, why, 'showing the default scenario instead'],
    status: 'default',
  });
  if (!isPlainObject(input))
    return fallback(describeIssue({ path: [], kind: 'invalid', problem: 'must be an object' }));

  // Migrations first. An unreadable or newer version is read as the current one (best effort).
  let work: Obj;
  try {
    work = copy(migrateScenario(input) as Obj);
  } catch (e) {
    const v = input.version;
    const newer = typeof v === 'number' && Number.isInteger(v) && v > SCENARIO_VERSION;
    problems.push(
      newer
        ? `this link was made by a newer version of the app (scenario version ${v}; this one reads ${SCENARIO_VERSION}): showing the parts it understands`
        : `${e instanceof FieldError ? describeFieldError(e) : 'version: unreadable'}; read as version ${SCENARIO_VERSION}`,
    );
    work = { ...copy(input), version: SCENARIO_VERSION };
  }

  // Too many runs: keep the first ones (before validation, so 10,000 runs cost nothing).
  if (Array.isArray(work.runs) && work.runs.length > LIMITS.maxRuns) {
    problems.push(`only the first ${LIMITS.maxRuns} of ${work.runs.length} runs were kept`);
    work.runs = work.runs.slice(0, LIMITS.maxRuns);
  }

  const first = checkScenario(work);
  if (first.ok)
    return { scenario: first.value, problems, status: problems.length ? 'repaired' : 'ok' };

  const dropped = new Set<number>();
  const done: string[] = [];
  let surfaceReplaced = false;
  const handled = (path: readonly PathKey[]) => {
    const text = pathText(path);
    return done.some((d) => text === d || text.startsWith(`${d}.`) || text.startsWith(`${d}[`));
  };

  for (const issue of first.issues) {
    const text = describeIssue(issue);
    if (issue.path.length === 1 && issue.kind === 'unknown-key') {
      problems.push(`unknown field "${clip(String(issue.path[0]))}" was ignored`);
      delete work[issue.path[0]];
      continue;
    }
    const repair = repairFor(issue, work);
    if ('defaultRuns' in repair) continue;
    if ('replaceSurface' in repair) {
      if (surfaceReplaced) continue;
      surfaceReplaced = true;
      const def = SURFACES[DEFAULT_SCENARIO_JSON.surface.id];
      problems.push(`${text}; the surface was replaced by the default (${def.name})`);
      work.surface = { ...DEFAULT_SCENARIO_JSON.surface };
    } else if ('dropRun' in repair) {
      if (dropped.has(repair.dropRun)) continue;
      dropped.add(repair.dropRun);
      // "run 2: lr must be …" → "run 2 was dropped: lr must be …"
      const name = `run ${repair.dropRun + 1}`;
      problems.push(`${name} was dropped: ${text.slice(name.length + 2)}`);
    } else {
      const [head, index] = repair.delete;
      if (surfaceReplaced && head === 'surface') continue;
      if (head === 'runs' && dropped.has(index as number)) continue;
      if (handled(repair.delete)) continue;
      done.push(pathText(repair.delete));
      problems.push(`${text}${repair.note}`);
      deleteAt(work, repair.delete);
    }
  }

  const runs = Array.isArray(work.runs) ? work.runs : null;
  const kept = runs?.filter((_, i) => !dropped.has(i)) ?? [];
  if (kept.length === 0) {
    problems.push(
      runs === null
        ? 'the link has no list of runs; showing the default runs'
        : 'no run in the link could be read; showing the default runs',
    );
    work.runs = DEFAULT_SCENARIO_JSON.runs.map((r) => ({ ...r, params: { ...r.params } }));
  } else work.runs = kept;
  // A sweep names its runs by position: with a run dropped it would sweep another one.
  if (dropped.size > 0 && work.sweep !== undefined && work.sweep !== null) {
    problems.push('the sweep was dropped with the runs it may name');
    delete work.sweep;
  }

  const last = checkScenario(work);
  if (!last.ok) return fallback(describeIssue(last.issues[0]));
  return { scenario: last.value, problems, status: 'repaired' };
}
