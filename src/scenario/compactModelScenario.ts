import { compactShared, type Json } from './compactScenario.ts';
import { parseModelScenario, type ModelScenario } from './modelScenario.ts';
import { compactSweep } from './sweep/compactSweep.ts';

/**
 * The smallest network scenario that parses back to the same one, as compactScenario is for
 * surfaces: every field equal to what parseModelScenario fills in is left out. A generated
 * dataset travels as its name and seed (n, noise, classes when not the defaults), never its
 * points; given points and given init weights travel as they are.
 *
 * The defaults are read from the schema itself (a minimal scenario parsed once), so they are
 * written in one place.
 */
let defaults: ModelScenario | null = null;
const DEFAULTS = () =>
  (defaults ??= parseModelScenario({
    model: { data: { name: 'moons' } },
    slice: {},
    runs: [{ optimizer: 'sgd' }],
  }));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `value` that differ from `base`, nested objects compared field by field. */
function diff(value: object, base: object): Record<string, Json> {
  const out: Record<string, Json> = {};
  const b = base as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    if (same(v, b[key])) continue;
    const isObject = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
    out[key] = isObject(v) && isObject(b[key]) ? diff(v as object, b[key] as object) : (v as Json);
  }
  return out;
}

export function compactModelScenario(s: ModelScenario): Record<string, Json> {
  const d = DEFAULTS();
  const { data, ...rest } = s.model;
  let compactData: Record<string, Json>;
  if ('points' in data) compactData = { points: data.points, labels: data.labels };
  else {
    const { name, ...spec } = data;
    const { name: _, ...base } = d.model.data as typeof data;
    compactData = { name, ...diff(spec, base) };
  }
  const out: Record<string, Json> = {
    version: s.version,
    model: { data: compactData, ...diff(rest, { ...d.model, data: undefined }) },
  };
  if (s.slice) out.slice = diff(s.slice, d.slice!);
  Object.assign(out, compactShared(s));
  if (s.sweep) out.sweep = compactSweep(s.sweep, s);
  return out;
}
