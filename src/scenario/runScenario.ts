import type { Objective2D } from '../engine/objective2d.ts';
import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { runOptimizer, type RunResult } from '../engine/run.ts';
import { surfaceObjective } from '../engine/surfaceObjective.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { FieldError } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import { compileExpression } from '../surfaces/expression/index.ts';
import type { Domain } from '../surfaces/surface.ts';
import type { Scenario, ScenarioRun, SurfaceRef } from './scenario.ts';

export interface BuiltSurface {
  objective: Objective2D;
  domain: Domain;
  start: readonly [number, number];
  /** The two coordinates' names where they are not a surface's x and y (a slice's α and β). */
  axes?: readonly [string, string];
}

/** Build the objective a (validated) scenario's surface names. */
export function buildSurface(surface: SurfaceRef, seed: number): BuiltSurface {
  if ('expression' in surface) {
    let objective: Objective2D;
    try {
      objective = compileExpression(surface.expression).objective;
    } catch (e) {
      throw new FieldError('surface.expression', (e as Error).message);
    }
    const [xMin, xMax, yMin, yMax] = surface.domain;
    return { objective, domain: { xMin, xMax, yMin, yMax }, start: surfaceStart(surface) };
  }
  const def = SURFACES[surface.id];
  return {
    objective: def.create(surface.params, { seed }),
    domain: def.domain(surface.params),
    start: surfaceStart(surface),
  };
}

/**
 * The surface's suggested start, without building the surface: a catalog entry's own, and for
 * a typed expression 20% in from the left of its domain and 80% up.
 */
export function surfaceStart(surface: SurfaceRef): readonly [number, number] {
  if ('expression' in surface) {
    const [xMin, xMax, yMin, yMax] = surface.domain;
    return [xMin + 0.2 * (xMax - xMin), yMin + 0.8 * (yMax - yMin)];
  }
  return SURFACES[surface.id].start(surface.params);
}

/** The start point a run uses: its own override, else the scenario's, else the surface's. */
export function runStart(
  s: Scenario,
  run: ScenarioRun,
  built: BuiltSurface,
): readonly [number, number] {
  return run.start ?? s.start ?? built.start;
}

export function runOne(
  s: Scenario,
  run: ScenarioRun,
  built: BuiltSurface,
  recordMomentum = false,
): RunResult {
  const optimizer = OPTIMIZERS[run.optimizer];
  // The surface's weights are one tensor [2]; an optimizer of matrices (Muon) sees it as [1, 2].
  const objective = surfaceObjective(built.objective, optimizer.matrices ? [1, 2] : [2]);
  return runOptimizer(objective, {
    optimizer,
    params: run.params,
    schedule: run.schedule
      ? { def: SCHEDULES[run.schedule.name], params: run.schedule.params }
      : null,
    start: runStart(s, run, built),
    steps: s.steps,
    noise: s.noise,
    swa: run.swa,
    recordMomentum,
  });
}

/** Run every run of a scenario (the page does this in a worker; simulate on the command line). */
export function runScenario(s: Scenario): { built: BuiltSurface; results: RunResult[] } {
  const built = buildSurface(s.surface, s.noise.seed);
  return { built, results: s.runs.map((r) => runOne(s, r, built)) };
}
