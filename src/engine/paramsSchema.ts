import * as v from 'valibot';
import { strictRecord } from './issues.ts';
import type { ParamSpec, ParamValues } from './params.ts';

/**
 * The schema of a parameter group, generated from its parameter descriptions: defaults filled
 * in (arrays copied), every value checked against its spec, unknown keys refused (a typo in a
 * scenario file should not be silently ignored). Bounds are written as intervals, `(0, 1000000]`.
 */
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

interface Bounds {
  min: number;
  max: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  integer?: boolean;
}

function numberSchema(s: Bounds) {
  const interval = `${s.exclusiveMin ? '(' : '['}${s.min}, ${s.max}${s.exclusiveMax ? ')' : ']'}`;
  return v.pipe(
    v.custom<number>(isFiniteNumber, 'must be a finite number'),
    v.check((x) => !s.integer || Number.isInteger(x), 'must be a whole number'),
    v.check(
      (x) => (s.exclusiveMin ? x > s.min : x >= s.min) && (s.exclusiveMax ? x < s.max : x <= s.max),
      (i) => `must be in ${interval} (got ${i.input})`,
    ),
  );
}

function valueSchema(s: ParamSpec): v.GenericSchema<unknown, unknown> {
  switch (s.kind) {
    case 'number': {
      const n = numberSchema(s);
      // A function default, so a null default (nullable parameters) is filled in too.
      return v.optional(s.nullable ? v.nullable(n) : n, () => s.default);
    }
    case 'boolean':
      return v.optional(
        v.custom<boolean>((x) => typeof x === 'boolean', 'must be true or false'),
        s.default,
      );
    case 'choice':
      return v.optional(
        v.custom<string | null>(
          (x) => (typeof x === 'string' || x === null) && s.choices.includes(x),
          `must be one of: ${s.choices.map((c) => (c === null ? 'null' : c)).join(', ')}`,
        ),
        s.default,
      );
    case 'tuple':
      return v.optional(
        v.pipe(
          v.custom<unknown[]>(
            (x) => Array.isArray(x) && x.length === s.default.length,
            `must be a list of ${s.default.length} numbers`,
          ),
          v.array(numberSchema(s)),
        ),
        () => [...s.default],
      );
    case 'list':
      return v.optional(
        v.pipe(
          v.custom<unknown[]>(Array.isArray, 'must be a list of numbers'),
          v.check((x) => x.length <= s.maxLength, `must have at most ${s.maxLength} entries`),
          v.array(numberSchema(s)),
          v.check(
            (xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]),
            'must be strictly increasing',
          ),
        ),
        () => [...s.default],
      );
  }
}

type ParamsSchema = v.GenericSchema<unknown, ParamValues>;

/**
 * Schemas by their list of specs, spec by spec (a trie of weak maps): callers build lists on
 * the fly (SAM's for its base, a form field's one-spec list) from the same spec objects.
 */
interface Node {
  schema?: ParamsSchema;
  next: WeakMap<ParamSpec, Node>;
}
const built: Node = { next: new WeakMap() };

export function paramsSchema(specs: readonly ParamSpec[]): ParamsSchema {
  let node = built;
  for (const s of specs) {
    let next = node.next.get(s);
    if (!next) node.next.set(s, (next = { next: new WeakMap() }));
    node = next;
  }
  return (node.schema ??= buildSchema(specs));
}

function buildSchema(specs: readonly ParamSpec[]): ParamsSchema {
  const entries = Object.fromEntries(specs.map((s) => [s.name, valueSchema(s)]));
  // Leaving the group out, or writing null, means "all defaults".
  return v.pipe(
    v.nullish(strictRecord(entries, 'parameter'), {}),
    v.transform((x) => x as ParamValues),
  );
}
