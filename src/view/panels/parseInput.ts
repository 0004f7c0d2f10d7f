import type { ParamSpec, ParamValue } from '../../engine/params.ts';
import { FieldError, resolveParams } from '../../engine/validateParams.ts';
import { LIMITS } from '../../scenario/scenario.ts';

/**
 * Typed input → values. Numbers are read strictly (no hex, no empty string as 0, no trailing
 * junk), and every value is validated by the engine's own resolveParams, so the inline message
 * the user reads is the one a scenario file would get, naming the field: "lr: must be in (0, 1000000] (got 0)".
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number as a person types it ("0.001", "1e-3", "-.5"), or null. */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Why `value` is not valid for `spec` (the message names the field), or null when it is. */
export function paramProblem(spec: ParamSpec, value: ParamValue): string | null {
  try {
    resolveParams([spec], { [spec.name]: value }, '');
    return null;
  } catch (e) {
    if (e instanceof FieldError) return `${e.path.replace(/^\./, '')}: ${e.problem}`;
    throw e;
  }
}

/** A typed number for a number or tuple-item field, checked against the spec. */
export function parseNumberFor(
  spec: ParamSpec,
  text: string,
  toValue: (n: number) => ParamValue = (n) => n,
  field = spec.name,
): Parsed<number> {
  const n = parseNumberText(text);
  if (n === null) return { ok: false, message: `${field}: type a number such as 0.001 or 1e-3` };
  const problem = paramProblem(spec, toValue(n));
  return problem ? { ok: false, message: problem } : { ok: true, value: n };
}

/** A comma-separated list ("100, 200") for a list param (MultiStepLR's milestones). */
export function parseListFor(spec: ParamSpec, text: string): Parsed<number[]> {
  const parts = text.trim() === '' ? [] : text.split(',');
  const values: number[] = [];
  for (const part of parts) {
    const n = parseNumberText(part);
    if (n === null)
      return {
        ok: false,
        message: `${spec.name}: "${part.trim()}" is not a number (separate values with commas)`,
      };
    values.push(n);
  }
  const problem = paramProblem(spec, values);
  return problem ? { ok: false, message: problem } : { ok: true, value: values };
}

export type Domain = [number, number, number, number];
export const DOMAIN_NAMES = ['x min', 'x max', 'y min', 'y max'] as const;

/** One bound of a custom surface's [xMin, xMax, yMin, yMax], keeping each pair ordered. */
export function parseDomainBound(domain: Domain, i: number, text: string): Parsed<number> {
  const field = DOMAIN_NAMES[i];
  const parsed = parseCoordinate(field, text);
  if (!parsed.ok) return parsed;
  const n = parsed.value;
  const other = domain[i ^ 1];
  const isMin = i % 2 === 0;
  if (isMin ? n >= other : n <= other)
    return {
      ok: false,
      message: `${field}: must be ${isMin ? 'below' : 'above'} ${DOMAIN_NAMES[i ^ 1]} (${other})`,
    };
  return { ok: true, value: n };
}

/** A start coordinate: any finite number within the scenario's coordinate limit. */
export function parseCoordinate(field: string, text: string): Parsed<number> {
  const n = parseNumberText(text);
  if (n === null) return { ok: false, message: `${field}: type a number` };
  if (Math.abs(n) > LIMITS.maxCoordinate)
    return { ok: false, message: `${field}: must be within ±${LIMITS.maxCoordinate}` };
  return { ok: true, value: n };
}

/** A whole number in [min, max] (steps, seed, SWA start). */
export function parseIntegerIn(
  field: string,
  text: string,
  min: number,
  max: number,
): Parsed<number> {
  const n = parseNumberText(text);
  if (n === null || !Number.isInteger(n))
    return { ok: false, message: `${field}: type a whole number` };
  if (n < min || n > max)
    return { ok: false, message: `${field}: must be in [${min}, ${max}] (got ${n})` };
  return { ok: true, value: n };
}
