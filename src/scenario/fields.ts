import * as v from 'valibot';

/**
 * Schema pieces for the fields of a scenario file or share link. Each problem reads as the
 * continuation of the field's name: "steps must be between 1 and 10000 (got 0)".
 */
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export const finite = (min = -Infinity, max = Infinity) =>
  v.pipe(
    v.custom<number>(isFiniteNumber, 'must be a finite number'),
    v.check(
      (x) => x >= min && x <= max,
      (i) => `must be between ${min} and ${max} (got ${i.input})`,
    ),
  );

export const integer = (min: number, max: number) =>
  v.pipe(
    finite(min, max),
    v.check((x: number) => Number.isInteger(x), 'must be a whole number'),
  );

export const boolean = () =>
  v.custom<boolean>((x) => typeof x === 'boolean', 'must be true or false');

export const text = (maxLength: number) =>
  v.pipe(
    v.custom<string>((x) => typeof x === 'string', 'must be a string'),
    v.check((s) => s.length <= maxLength, `must be at most ${maxLength} characters`),
  );

export const oneOf = <T extends string>(choices: readonly T[]) =>
  v.custom<T>(
    (x) => typeof x === 'string' && (choices as readonly string[]).includes(x),
    `must be one of: ${choices.join(', ')}`,
  );

/** A fixed-length list of bounded numbers, e.g. a point [x, y]. */
export const vector = <N extends 2 | 3 | 4>(length: N, bound: number, shape: string) =>
  v.pipe(
    v.custom<unknown[]>((x) => Array.isArray(x) && x.length === length, `must be ${shape}`),
    v.array(finite(-bound, bound)),
    v.transform((xs) => xs as Vector<N>),
  );
type Vector<N> = N extends 2
  ? [number, number]
  : N extends 3
    ? [number, number, number]
    : [number, number, number, number];

export const point = (bound: number) => vector(2, bound, 'a pair [x, y]');

/** A registry key: the problem names the bad value and lists the good ones. */
export const registryKey = (
  registry: Readonly<Record<string, unknown>>,
  maxLength: number,
  problem: (name: string) => string,
) =>
  v.pipe(
    text(maxLength),
    v.picklist(Object.keys(registry), (i) => problem(String(i.input))),
  );

/** null, or the value; absent reads as null. */
export const orNull = <T>(schema: v.GenericSchema<unknown, T>) => v.nullish(schema, null);
