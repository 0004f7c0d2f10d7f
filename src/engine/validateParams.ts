import { issuesOf, pathText } from './issues.ts';
import type { ParamSpec, ParamValue, ParamValues } from './params.ts';
import { paramsSchema } from './paramsSchema.ts';

/** A validation failure that names where it happened, e.g. `runs[2].params.lr`. */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/**
 * Fill defaults and validate values against their specs (the schema paramsSchema generates from
 * them). Returns a fresh object; throws FieldError naming the first problem, e.g. `params.lr`.
 */
export function resolveParams(
  specs: readonly ParamSpec[],
  values: unknown,
  path: string,
): ParamValues {
  const r = issuesOf(paramsSchema(specs), values);
  if (r.ok) return r.value;
  const first = r.issues[0];
  const below = pathText(first.path);
  throw new FieldError(
    below ? `${path}${below.startsWith('[') ? '' : '.'}${below}` : path,
    first.problem,
  );
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
