import type { ParamSpec, ParamValue, ParamValues } from './params.ts';

/** A validation failure that names where it happened, e.g. `runs[2].params.lr`. */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function boundsText(min: number, max: number, exMin?: boolean, exMax?: boolean): string {
  return `${exMin ? '(' : '['}${min}, ${max}${exMax ? ')' : ']'}`;
}

function checkNumber(
  v: unknown,
  s: {
    min: number;
    max: number;
    exclusiveMin?: boolean;
    exclusiveMax?: boolean;
    integer?: boolean;
  },
  path: string,
): number {
  if (!isFiniteNumber(v)) throw new FieldError(path, 'must be a finite number');
  if (s.integer && !Number.isInteger(v)) throw new FieldError(path, 'must be a whole number');
  const low = s.exclusiveMin ? v <= s.min : v < s.min;
  const high = s.exclusiveMax ? v >= s.max : v > s.max;
  if (low || high)
    throw new FieldError(
      path,
      `must be in ${boundsText(s.min, s.max, s.exclusiveMin, s.exclusiveMax)} (got ${v})`,
    );
  return v;
}

/**
 * Fill defaults and validate values against their specs. Unknown keys are an error (a typo in a
 * scenario file should not be silently ignored). Returns a fresh object; throws FieldError.
 */
export function resolveParams(
  specs: readonly ParamSpec[],
  values: unknown,
  path: string,
): ParamValues {
  if (values === undefined || values === null) values = {};
  if (typeof values !== 'object' || Array.isArray(values))
    throw new FieldError(path, 'must be an object of parameter values');
  const given = values as Record<string, unknown>;
  const known = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      throw new FieldError(
        `${path}.${key}`,
        `unknown parameter (expected one of: ${[...known].join(', ') || 'none'})`,
      );
  }
  const out: ParamValues = {};
  for (const s of specs) {
    const p = `${path}.${s.name}`;
    const has = Object.prototype.hasOwnProperty.call(given, s.name);
    const v = has ? given[s.name] : undefined;
    let value: ParamValue;
    switch (s.kind) {
      case 'number':
        if (v === undefined) value = s.default;
        else if (v === null && s.nullable) value = null;
        else value = checkNumber(v, s, p);
        break;
      case 'boolean':
        if (v === undefined) value = s.default;
        else if (typeof v !== 'boolean') throw new FieldError(p, 'must be true or false');
        else value = v;
        break;
      case 'choice':
        if (v === undefined) value = s.default;
        else if (typeof v !== 'string' || !s.choices.includes(v))
          throw new FieldError(p, `must be one of: ${s.choices.join(', ')}`);
        else value = v;
        break;
      case 'tuple': {
        if (v === undefined) {
          value = [...s.default];
          break;
        }
        if (!Array.isArray(v) || v.length !== s.default.length)
          throw new FieldError(p, `must be a list of ${s.default.length} numbers`);
        value = v.map((x, i) => checkNumber(x, s, `${p}[${i}]`));
        break;
      }
      case 'list': {
        if (v === undefined) {
          value = [...s.default];
          break;
        }
        if (!Array.isArray(v)) throw new FieldError(p, 'must be a list of numbers');
        if (v.length > s.maxLength)
          throw new FieldError(p, `must have at most ${s.maxLength} entries`);
        const xs = v.map((x, i) => checkNumber(x, s, `${p}[${i}]`));
        for (let i = 1; i < xs.length; i++)
          if (xs[i] <= xs[i - 1]) throw new FieldError(p, 'must be strictly increasing');
        value = xs;
        break;
      }
    }
    out[s.name] = value;
  }
  return out;
}

/**
 * Whether two parameter values are equal: arrays item by item, anything else by ===
 * (so −0 equals 0, as JSON writes both as 0).
 */
export const sameValue = (a: ParamValue, b: ParamValue | undefined): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => v === b[i]);
  }
  return a === b;
};

/** Defaults only (for a new run in the UI, or documentation). */
export function defaultParams(specs: readonly ParamSpec[]): ParamValues {
  // Nothing given, so nothing to reject: every value is its spec's default (arrays copied).
  return resolveParams(specs, {}, '');
}

/** The parameter specs of an optimizer for given raw values (SAM's depend on its base). */
export function specsOf(
  def: {
    params: readonly ParamSpec[];
    specsFor?(raw: Readonly<Record<string, unknown>>): readonly ParamSpec[];
  },
  raw: unknown,
): readonly ParamSpec[] {
  const obj =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return def.specsFor ? def.specsFor(obj) : def.params;
}
