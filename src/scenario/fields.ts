import { FieldError } from '../engine/validateParams.ts';

/**
 * Small validators for untrusted input (scenario files, share links). Each names the field it
 * rejects, so a user reads "runs[2].params.lr: must be in (0, 1000000]" instead of a stack trace.
 */
export type Obj = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function object(v: unknown, path: string, allowed: readonly string[]): Obj {
  if (!isPlainObject(v)) throw new FieldError(path, 'must be an object');
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key))
      throw new FieldError(
        path ? `${path}.${key}` : key,
        `unknown field (expected one of: ${allowed.join(', ')})`,
      );
  }
  return v;
}

export function finite(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new FieldError(path, 'must be a finite number');
  if (v < min || v > max)
    throw new FieldError(path, `must be between ${min} and ${max} (got ${v})`);
  return v;
}

export function integer(v: unknown, path: string, min: number, max: number): number {
  const x = finite(v, path, min, max);
  if (!Number.isInteger(x)) throw new FieldError(path, 'must be a whole number');
  return x;
}

export function boolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new FieldError(path, 'must be true or false');
  return v;
}

export function text(v: unknown, path: string, maxLength: number): string {
  if (typeof v !== 'string') throw new FieldError(path, 'must be a string');
  if (v.length > maxLength) throw new FieldError(path, `must be at most ${maxLength} characters`);
  return v;
}

export function point(v: unknown, path: string, bound: number): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) throw new FieldError(path, 'must be a pair [x, y]');
  return [finite(v[0], `${path}[0]`, -bound, bound), finite(v[1], `${path}[1]`, -bound, bound)];
}

export function oneOf<T extends string>(v: unknown, path: string, choices: readonly T[]): T {
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v))
    throw new FieldError(path, `must be one of: ${choices.join(', ')}`);
  return v as T;
}

/** Read an optional field: undefined when absent. */
export function opt<T>(o: Obj, key: string, read: (v: unknown) => T): T | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined
    ? read(o[key])
    : undefined;
}
