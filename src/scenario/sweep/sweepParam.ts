import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import type { NumberParam, ParamValues, TupleParam } from '../../engine/params.ts';
import { specsOf } from '../../engine/validateParams.ts';
import type { ScenarioRun } from '../scenario.ts';

/**
 * A run parameter a sweep can vary: a continuous number parameter (`lr`, `weight_decay`,
 * `momentum`, SAM's `rho` …) or one element of a tuple (`betas[1]` is Adam's β₂). Whole-number,
 * nullable, boolean and choice parameters are not swept: their values are not a range.
 */
export type SweptParam = { spec: NumberParam; index: null } | { spec: TupleParam; index: number };

const ELEMENT = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\]$/;

/** The parameter `name` names on this run's optimizer, or why it cannot be swept. */
export function sweptParam(run: ScenarioRun, name: string): SweptParam | string {
  const def = OPTIMIZERS[run.optimizer];
  if (!def) return `unknown optimizer "${run.optimizer}"`;
  const m = ELEMENT.exec(name);
  const base = m ? m[1] : name;
  const spec = specsOf(def, run.params).find((s) => s.name === base);
  const label = def.label;
  if (!spec) return `"${name}" is not a parameter of ${label}`;
  if (m) {
    const index = Number(m[2]);
    if (spec.kind !== 'tuple' || index >= spec.default.length)
      return `"${name}" is not an element of a ${label} tuple parameter`;
    return { spec, index };
  }
  if (spec.kind === 'tuple')
    return `"${name}" is a tuple: sweep one element, e.g. "${name}[${spec.default.length - 1}]"`;
  if (spec.kind !== 'number' || spec.integer || spec.nullable)
    return `"${name}" is not a continuous number parameter`;
  return { spec, index: null };
}

/** The run with parameter `name` set to `value` (a fresh params object; the run is not changed). */
export function withParam(run: ScenarioRun, name: string, value: number): ScenarioRun {
  const m = ELEMENT.exec(name);
  const params: ParamValues = { ...run.params };
  if (m) {
    const def = OPTIMIZERS[run.optimizer];
    const spec = specsOf(def, run.params).find((s) => s.name === m[1]) as TupleParam;
    const tuple = [...((params[m[1]] as readonly number[] | undefined) ?? spec.default)];
    tuple[Number(m[2])] = value;
    params[m[1]] = tuple;
  } else params[name] = value;
  return { ...run, params };
}

/** The range a slider of this parameter spans, the default axis of a grid2 sweep. */
export function sliderRange(p: SweptParam): [number, number, 'log' | 'linear'] {
  const { spec } = p;
  const log = spec.kind === 'number' && spec.log === true;
  return [spec.sliderMin ?? spec.min, spec.sliderMax ?? spec.max, log ? 'log' : 'linear'];
}
