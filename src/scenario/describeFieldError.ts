import { pathText, type Issue, type PathKey } from '../engine/issues.ts';
import { FieldError } from '../engine/validateParams.ts';

/**
 * Turn a validation issue into a sentence for people: the issue at `runs[2].params.lr` with
 * "must be in (0, 1000000] (got -1)" becomes `run 3: lr must be in (0, 1000000] (got -1)`.
 *
 * Problems can echo text from an untrusted link (an unknown optimizer's name, a field name).
 * The UI renders them as plain text, so nothing can inject markup, but a link must not be able
 * to fill the screen or hide text behind control characters: echoed strings are cut to
 * ECHO_LIMIT characters, control and bidi-override characters are made visible, and the whole
 * message is capped.
 */
export const ECHO_LIMIT = 40;
export const MESSAGE_LIMIT = 240;

/** Control characters, and the bidi controls that can reorder what a reader sees. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function clip(text: string, limit = ECHO_LIMIT): string {
  const visible = text.replace(INVISIBLE, '\ufffd');
  // Cut by code points so a surrogate pair is never split.
  const chars = Array.from(visible);
  return chars.length > limit ? `${chars.slice(0, limit).join('')}…` : visible;
}

/** Quoted strings in a problem are echoes of the input (names, expression tokens): clip each. */
const clipQuoted = (problem: string) =>
  problem.replace(/"([^"]*)"/g, (_m, inner: string) => `"${clip(inner)}"`);

/** Field names that read better in words (keys are paths below a run, joined by dots). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  color: 'colour',
  'swa.start': 'SWA start',
  swa: 'SWA',
  'schedule.name': 'schedule',
};

/**
 * A path below a run, the surface, the view or the noise, as words: `schedule.params.T_0` →
 * `schedule T_0`, `params.betas[1]` → `betas[1]` (a group's parameters are named by themselves).
 */
function fieldWords(path: readonly PathKey[]): string {
  const dotted = path.filter((k) => typeof k === 'string').join('.');
  if (path.every((k) => typeof k === 'string') && Object.hasOwn(FIELD_NAMES, dotted))
    return FIELD_NAMES[dotted];
  const words: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') words.push(`${words.pop() ?? ''}[${key}]`);
    else if (key !== 'params') words.push(key);
  }
  return words.join(' ');
}

/** `field problem` for a bad value, `field: problem` for a statement, the key for an unknown key. */
function phrase(path: readonly PathKey[], issue: Issue): string {
  const problem = clipQuoted(issue.problem);
  if (issue.kind === 'unknown-key' && path.length > 0) {
    const owner = fieldWords(path.slice(0, -1));
    const key = String(path[path.length - 1]);
    // "unknown parameter (expected …)" → "unknown parameter "lrr" (expected …)"
    const [head, tail] = splitAt(problem, ' (');
    return `${owner ? `${owner} ` : ''}${head} "${clip(key)}"${tail}`;
  }
  const field = fieldWords(path);
  if (!field) return problem;
  return issue.kind === 'invalid' ? `${field} ${problem}` : `${field}: ${problem}`;
}

const splitAt = (s: string, sep: string): [string, string] => {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i)];
};

/** Sections named before the field: "run 3: …", "surface: …", "view: …", "noise: …". */
const SECTIONS = ['surface', 'view', 'noise'];
/** Surface fields named with the word surface itself: "surface expression: …". */
const SURFACE_OWN = ['id', 'expression', 'domain'];

/** The human sentence for a validation issue. */
export function describeIssue(issue: Issue): string {
  const cap = (s: string) => clip(s, MESSAGE_LIMIT);
  const [head, ...rest] = issue.path;
  if (head === 'runs' && typeof rest[0] === 'number')
    return cap(`run ${rest[0] + 1}: ${phrase(rest.slice(1), issue)}`);
  // A network's fields and a sweep's by the paths docs/scenario.md spells them:
  // `model.data.name: …`, `sweep.ranges[0]: …`.
  if (head === 'model' || head === 'slice' || head === 'sweep')
    return cap(`${clip(pathText(issue.path))}: ${clipQuoted(issue.problem)}`);
  if (typeof head === 'string' && SECTIONS.includes(head)) {
    if (rest.length === 0) return cap(phrase([head], issue));
    if (head === 'surface' && rest.length === 1 && SURFACE_OWN.includes(String(rest[0])))
      return cap(phrase(rest[0] === 'id' ? ['surface'] : issue.path, issue));
    return cap(`${head}: ${phrase(rest, issue)}`);
  }
  if (issue.path.length === 0)
    return cap(issue.kind === 'invalid' ? `the scenario ${issue.problem}` : issue.problem);
  return cap(phrase(issue.path, issue));
}

/** The sentence for a thrown validation error (a ScenarioError carries its issue). */
export function describeFieldError(error: FieldError & { issue?: Issue }): string {
  return describeIssue(
    error.issue ?? {
      path: error.path ? [error.path] : [],
      kind: 'invalid',
      problem: error.problem,
    },
  );
}
