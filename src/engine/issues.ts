import * as v from 'valibot';

/**
 * Validation issues as data: where (a path of keys) and what kind of thing is wrong. Sentences
 * are formatted from them (scenario/describeFieldError.ts) and a damaged link is repaired from
 * them (scenario/salvageScenario.ts), so neither has to read English error text back.
 *
 * Schemas are valibot's: small, tree-shakable, and its issues already carry a path.
 */
export type PathKey = string | number;

/**
 * - `unknown-key`: a key the schema does not have (a typo, or a field from a newer app);
 * - `unknown-name`: a value naming no registry entry (optimizer, schedule, surface);
 * - `rule`: a rule stated in its own words (torch's cross-parameter checks, the expression
 *   compiler's refusals, too many runs);
 * - `invalid`: any other bad value; its problem reads as a predicate ("must be …").
 */
export type IssueKind = 'unknown-key' | 'unknown-name' | 'rule' | 'invalid';

export interface Issue {
  path: readonly PathKey[];
  kind: IssueKind;
  /** What is wrong, without the field's name: "must be a finite number". */
  problem: string;
}

/**
 * The kind follows from the schema piece that raised the issue: unknown keys are reported with
 * a key path item expecting nothing (valibot's own convention), registry names are picklists, stated rules are raw
 * checks; everything else is a bad value.
 */
export function issueOf(issue: v.BaseIssue<unknown>): Issue {
  const items = issue.path ?? [];
  const path = items.map((p) => p.key as PathKey);
  const last = items[items.length - 1];
  const kind: IssueKind =
    last && 'origin' in last && last.origin === 'key' && issue.expected === 'never'
      ? 'unknown-key'
      : issue.type === 'picklist'
        ? 'unknown-name'
        : issue.type === 'raw_check'
          ? 'rule'
          : 'invalid';
  return { path, kind, problem: issue.message };
}

/** `runs[2].params.lr`: the path as scenario files and the command line spell it. */
export function pathText(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/**
 * All issues of an input, in the order a reader fixes them: within an object its unknown keys
 * come first (shallowest first: a stray field says more than a stray parameter inside it), then
 * the bad values in the schema's order. Empty when the input is valid.
 */
export function issuesOf<T>(schema: v.GenericSchema<unknown, T>, input: unknown) {
  const r = v.safeParse(schema, input, { abortEarly: false });
  if (r.success) return { ok: true as const, value: r.output, issues: [] as Issue[] };
  const issues = r.issues.map(issueOf);
  const rank = (i: Issue) => (i.kind === 'unknown-key' ? i.path.length : Infinity);
  // Array.prototype.sort is stable: bad values keep the schema's order.
  issues.sort((a, b) => rank(a) - rank(b));
  return { ok: false as const, value: undefined, issues };
}

export type Obj = Record<string, unknown>;

export function isPlainObject(x: unknown): x is Obj {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A schema that always fails with this problem (a branch the input cannot take). */
export const refuse = (problem: string) => v.custom<never>(() => false, problem);

/**
 * A field that must be present: when it is missing the value schema sees null, so the user
 * reads the field's own problem ("must be a string") rather than a generic "missing key".
 */
export const required = <T>(schema: v.GenericSchema<unknown, T>) =>
  v.optional(schema, null as never) as unknown as v.GenericSchema<unknown, T>;

/**
 * A plain object with exactly these entries (validated in the entries' order). Every key it does
 * not know is an `unknown-key` issue of its own; `expected` is the list the message offers.
 */
export function strictRecord<E extends v.ObjectEntries>(
  entries: E,
  noun: 'field' | 'parameter',
  expected: readonly string[] = Object.keys(entries),
): v.GenericSchema<unknown, v.InferOutput<v.ObjectSchema<E, undefined>>> {
  const known = v.object(entries);
  const notObject = refuse(
    noun === 'parameter' ? 'must be an object of parameter values' : 'must be an object',
  );
  const problem = `unknown ${noun} (expected one of: ${expected.join(', ') || 'none'})`;
  return v.lazy((input) => {
    if (!isPlainObject(input)) return notObject;
    const unknown = Object.keys(input).filter((k) => !Object.hasOwn(entries, k));
    if (unknown.length === 0) return known;
    return v.pipe(
      known,
      v.rawCheck(({ addIssue }) => {
        for (const key of unknown)
          addIssue({
            message: problem,
            expected: 'never',
            path: [{ type: 'object', origin: 'key', input, key, value: input[key] }],
          });
      }),
    );
  }) as never;
}
