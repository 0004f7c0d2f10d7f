/**
 * Turn a validation failure into a sentence for people: `runs[2].params.lr: must be in
 * (0, 1000000] (got -1)` becomes `run 3: lr must be in (0, 1000000] (got -1)`.
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

/** Quoted strings in a problem are echoes of the input: clip each. */
const clipQuoted = (problem: string) =>
  problem.replace(/"([^"]*)"/g, (_m, inner: string) => `"${clip(inner)}"`);

/** Words that read as the continuation of a field name: "lr must be …", "runs needs …". */
const PREDICATE = /^(must|needs|only|give)\b/;

const FIELD_NAMES: Readonly<Record<string, string>> = {
  color: 'colour',
  'swa.start': 'SWA start',
  swa: 'SWA',
  'schedule.name': 'schedule',
};

/** A path below a run, the surface, the view or the noise, as words: `schedule.params.T_0` → `schedule T_0`. */
function fieldWords(rest: string): string {
  if (Object.hasOwn(FIELD_NAMES, rest)) return FIELD_NAMES[rest];
  return rest
    .replace(/^params(\.|$)/, '')
    .replace(/\.params(\.|$)/g, ' ')
    .replace(/\./g, ' ')
    .trim();
}

/**
 * `field problem` or `field: problem`; `rest` is the raw path below the section, used to name
 * an unknown key exactly (keys come from the input and may hold dots or spaces).
 */
function join(rest: string, problem: string): string {
  const unknown = /^unknown (parameter|field)\b([\s\S]*)$/.exec(problem);
  if (unknown && rest) {
    const known = /^((?:schedule\.)?params|swa|schedule|camera|view\.camera)\.([\s\S]*)$/.exec(
      rest,
    );
    const words = known ? fieldWords(known[1]) : '';
    const owner = words ? `${words} ` : '';
    const key = known ? known[2] : rest;
    return `${owner}unknown ${unknown[1]} "${clip(key)}"${unknown[2]}`;
  }
  const field = fieldWords(rest);
  if (!field) return problem;
  return PREDICATE.test(problem) ? `${field} ${problem}` : `${field}: ${problem}`;
}

/** The human sentence for a FieldError's path and problem (or its `path: problem` message). */
export function describeFieldError(error: { path: string; problem: string } | string): string {
  let path: string;
  let problem: string;
  if (typeof error === 'string') {
    const m = /^([^:]*): ([\s\S]*)$/.exec(error);
    path = m ? m[1] : '';
    problem = m ? m[2] : error;
  } else {
    ({ path, problem } = error);
  }
  problem = clipQuoted(problem.replace(/ \(see simulate --list\)/, ''));
  const cap = (s: string) => clip(s, MESSAGE_LIMIT);

  const run = /^runs\[(\d+)\](?:\.([\s\S]*))?$/.exec(path);
  if (run) return cap(`run ${Number(run[1]) + 1}: ${join(run[2] ?? '', problem)}`);
  const section = /^(surface|view|noise)(?:\.([\s\S]*))?$/.exec(path);
  if (section) {
    const [, name, rest] = section;
    if (rest === undefined) return cap(join(name, problem));
    if (name === 'surface' && (rest === 'expression' || rest === 'id' || rest === 'domain'))
      return cap(join(rest === 'id' ? 'surface' : `surface.${rest}`, problem));
    return cap(`${name}: ${join(rest, problem)}`);
  }
  if (path === '') return cap(PREDICATE.test(problem) ? `the scenario ${problem}` : problem);
  return cap(join(path, problem));
}
