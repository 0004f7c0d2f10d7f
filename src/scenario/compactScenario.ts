import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ParamSpec, ParamValues } from '../engine/params.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { sameValue, specsOf } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import {
  DEFAULT_DOMAIN,
  DEFAULT_NOISE,
  DEFAULT_STEPS,
  type Scenario,
  type ScenarioRun,
} from './scenario.ts';
import { compactSweep } from './sweep/compactSweep.ts';

/**
 * The smallest scenario file that parses back to the same scenario: every value that
 * parseScenario would fill in anyway is left out (parameter defaults from the optimizer,
 * schedule and surface registries, null fields, view defaults). The share link stores this,
 * so a typical link carries only what the user changed. `version` is always kept: it tells a
 * future app which migrations to run.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parameters that differ from their specs' defaults (keys in spec order). */
export function nonDefaultParams(
  specs: readonly ParamSpec[],
  values: ParamValues,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const s of specs) {
    if (!Object.hasOwn(values, s.name)) continue;
    const v = values[s.name];
    if (sameValue(v, s.default)) continue;
    out[s.name] = Array.isArray(v) ? [...(v as number[])] : (v as Json);
  }
  return out;
}

const isEmpty = (o: Record<string, unknown>) => Object.keys(o).length === 0;

export function compactRun(run: ScenarioRun): Record<string, Json> {
  const out: Record<string, Json> = { optimizer: run.optimizer };
  const def = OPTIMIZERS[run.optimizer];
  const params = def ? nonDefaultParams(specsOf(def, run.params), run.params) : {};
  if (!isEmpty(params)) out.params = params;
  if (run.schedule) {
    const sdef = SCHEDULES[run.schedule.name];
    const sp = sdef ? nonDefaultParams(sdef.params, run.schedule.params) : {};
    out.schedule = isEmpty(sp)
      ? { name: run.schedule.name }
      : { name: run.schedule.name, params: sp };
  }
  if (run.start) out.start = [...run.start];
  if (run.swa) out.swa = { start: run.swa.start };
  if (run.label !== null) out.label = run.label;
  if (run.color !== null) out.color = run.color;
  if (!run.visible) out.visible = false;
  return out;
}

export function compactScenario(s: Scenario): Record<string, Json> {
  const out: Record<string, Json> = { version: s.version };
  if ('expression' in s.surface) {
    const sameDomain = s.surface.domain.every((v, i) => v === DEFAULT_DOMAIN[i]);
    out.surface = sameDomain
      ? { expression: s.surface.expression }
      : { expression: s.surface.expression, domain: [...s.surface.domain] };
  } else {
    const def = SURFACES[s.surface.id];
    const params = def ? nonDefaultParams(def.params, s.surface.params) : {};
    out.surface = isEmpty(params) ? { id: s.surface.id } : { id: s.surface.id, params };
  }
  if (s.start) out.start = [...s.start];
  Object.assign(out, compactShared(s));
  if (s.sweep) out.sweep = compactSweep(s.sweep, s);
  return out;
}

/** What surface and network scenarios share: steps, noise, runs and view, defaults left out. */
export function compactShared(
  s: Pick<Scenario, 'steps' | 'noise' | 'runs' | 'view'>,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (s.steps !== DEFAULT_STEPS) out.steps = s.steps;
  const noise: Record<string, Json> = {};
  if (s.noise.sigma !== DEFAULT_NOISE.sigma) noise.sigma = s.noise.sigma;
  if (s.noise.seed !== DEFAULT_NOISE.seed) noise.seed = s.noise.seed;
  if (!isEmpty(noise)) out.noise = noise;
  out.runs = s.runs.map(compactRun);
  const view: Record<string, Json> = {};
  if (s.view.mode !== '3d') view.mode = s.view.mode;
  if (s.view.logHeight !== null) view.logHeight = s.view.logHeight;
  if (s.view.camera)
    view.camera = { position: [...s.view.camera.position], target: [...s.view.camera.target] };
  if (s.view.playhead !== s.steps) view.playhead = s.view.playhead;
  if (!isEmpty(view)) out.view = view;
  return out;
}
