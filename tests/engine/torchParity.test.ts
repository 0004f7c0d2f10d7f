import { readFileSync } from 'node:fs';
import { surfaceObjective } from '../../src/engine/surfaceObjective.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { OptimizerDef } from '../../src/engine/optimizer.ts';
import type { ParamValues } from '../../src/engine/params.ts';
import type { ScheduleDef, ScheduleInputs } from '../../src/engine/schedule.ts';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { SCHEDULES } from '../../src/engine/schedules/index.ts';
import { runOptimizer } from '../../src/engine/run.ts';
import type { RunSpec } from '../../src/engine/run.ts';
import { FieldError, resolveParams, specsOf } from '../../src/engine/validateParams.ts';
import { compileExpression } from '../../src/surfaces/expression/index.ts';
import {
  comparableIterates,
  compare,
  compareEvaluationCounts,
  compareSidePaths,
  describeMismatch,
  merge,
  relativeErrorFor,
  TOL,
  type Comparison,
} from './fixtureCompare.ts';

/**
 * Every trajectory in tests/fixtures/torch_optimizers.json (from scripts/make_torch_fixtures.py,
 * torch in float64) replayed through our engine: the surface compiled from its mathjs expression,
 * the parameters validated and defaulted by the optimizer's own specs, the run by runOptimizer.
 * Every coordinate, loss, lr and SWA average must agree to 1e-9·max(1, |torch|) (for a chaotic
 * case, up to the step where torch separates from itself: fixtureCompare.ts, comparableIterates);
 * configs torch rejects must be rejected by us with a message that names the parameter.
 */
interface TrajectoryCase {
  name: string;
  expression: string;
  start: [number, number];
  steps: number;
  optimizer: string;
  params: Record<string, unknown>;
  schedule: { name: string; params: Record<string, unknown> } | null;
  noise: { sigma: number; seed: number };
  swa: { start: number } | null;
  error?: string;
  error_params?: string[];
  trajectory?: [number, number][];
  losses?: number[];
  lrs?: number[];
  momenta?: number[];
  swa_trajectory?: ([number, number] | null)[];
  diverged_at?: number | null;
  separates_at?: number | null;
  shape?: number[];
  side_paths?: Record<string, ([number, number] | null)[]>;
  evaluations?: number[];
  evaluation_points?: [number, number][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_optimizers.json', import.meta.url), 'utf8'),
) as { torch_version: string; cases: TrajectoryCase[] };

/** What OneCycleLR's momentum cycling needs from the optimizer (as the run loop derives it). */
function scheduleInputs(def: OptimizerDef, params: ParamValues, steps: number): ScheduleInputs {
  const kind = def.cycledMomentumFor ? def.cycledMomentumFor(params) : def.cycledMomentum;
  const baseMomentum =
    kind === 'momentum'
      ? (params.momentum as number)
      : kind === 'beta1'
        ? (params.betas as readonly number[])[0]
        : null;
  return { baseLr: params.lr as number, baseMomentum, steps };
}

interface Resolved {
  def: OptimizerDef;
  params: ParamValues;
  schedule: { def: ScheduleDef; params: ParamValues } | null;
  inputs: ScheduleInputs;
}

/** Validate a case's config the way a scenario is validated; returns the first error message. */
function resolveCase(c: TrajectoryCase): Resolved | { error: string } {
  const def = OPTIMIZERS[c.optimizer];
  if (!def) throw new Error(`no optimizer '${c.optimizer}' in OPTIMIZERS`);
  try {
    const params = resolveParams(specsOf(def, c.params), c.params, 'params');
    const optError = def.check?.(params) ?? null;
    if (optError) return { error: optError };
    const inputs = scheduleInputs(def, params, c.steps);
    if (!c.schedule) return { def, params, schedule: null, inputs };
    const sdef = SCHEDULES[c.schedule.name];
    if (!sdef) throw new Error(`no schedule '${c.schedule.name}' in SCHEDULES`);
    const sparams = resolveParams(sdef.params, c.schedule.params, 'schedule.params');
    const schedError = sdef.check?.(sparams, inputs) ?? null;
    if (schedError) return { error: schedError };
    return { def, params, schedule: { def: sdef, params: sparams }, inputs };
  } catch (e) {
    if (e instanceof FieldError) return { error: e.message };
    throw e;
  }
}

function compareRun(c: TrajectoryCase, r: Resolved): Comparison {
  const objective = compileExpression(c.expression).objective;
  const spec: RunSpec = {
    optimizer: r.def,
    params: r.params,
    schedule: r.schedule,
    start: c.start,
    steps: c.steps,
    noise: c.noise,
    swa: c.swa,
  };
  const result = runOptimizer(surfaceObjective(objective, c.shape ?? [2]), spec);
  const traj = c.trajectory!;
  // A chaotic case is held to torch only before torch separates from itself; a stop after that
  // step is no longer torch's to predict.
  expect(c.separates_at, 'separates_at recorded (rerun the fixture script)').not.toBeUndefined();
  const n = comparableIterates(traj.length, c.separates_at);
  if (n === traj.length) {
    expect(result.divergedAt, 'diverged_at').toBe(c.diverged_at ?? null);
    expect(result.points, 'number of finite iterates').toBe(traj.length);
  } else {
    expect(result.points, 'finite iterates before torch separates').toBeGreaterThanOrEqual(n);
  }

  const parts = [
    compare('trajectory', result.trajectory, traj.flat(), undefined, 2 * n),
    compare('losses', result.losses, c.losses!, undefined, n),
    compare('lrs', result.lrs, c.lrs!, relativeErrorFor(c.lrs!)),
  ];
  if (c.momenta) {
    const track = r.schedule!.def.compute(r.schedule!.params, r.inputs);
    expect(track.momenta, 'the schedule cycles momentum').toBeDefined();
    parts.push(compare('momenta', track.momenta!, c.momenta, relativeErrorFor(c.momenta)));
  }
  if (c.swa_trajectory) {
    expect(result.swa, 'SWA averages').not.toBeNull();
    const swa = result.swa!;
    c.swa_trajectory.forEach((v, k) => {
      if (v === null)
        expect(Number.isNaN(swa[2 * k]) && Number.isNaN(swa[2 * k + 1]), `swa[${k}] is NaN`).toBe(
          true,
        );
    });
    const averaged = c.swa_trajectory.flatMap((v, k) => (v && k < n ? [k] : []));
    parts.push(
      compare(
        'swa',
        averaged.flatMap((k) => [swa[2 * k], swa[2 * k + 1]]),
        averaged.flatMap((k) => c.swa_trajectory![k]!),
      ),
    );
  }
  parts.push(...compareSidePaths(result.sidePaths, c.side_paths, 2, n));
  compareEvaluationCounts(result.evaluations, c.evaluations, n);
  if (c.evaluation_points && n === traj.length)
    parts.push(
      compare('evaluation points', result.evaluations!.points, c.evaluation_points.flat()),
    );
  return merge(...parts);
}

const summary: Record<string, { worst: string; result: string }> = {};

describe(`optimizer trajectories match torch ${fixture.torch_version}`, () => {
  it('covers every optimizer and schedule in the registries we claim to match', () => {
    const optimizers = new Set(fixture.cases.map((c) => c.optimizer));
    const schedules = new Set(fixture.cases.flatMap((c) => (c.schedule ? [c.schedule.name] : [])));
    for (const id of Object.keys(OPTIMIZERS))
      expect(optimizers, `a trajectory uses ${id}`).toContain(id);
    for (const id of Object.keys(SCHEDULES))
      if (id !== 'constant') expect(schedules, `a trajectory uses ${id}`).toContain(id);
  });

  for (const c of fixture.cases) {
    if (c.error) {
      it(`${c.name}: rejected like torch ("${c.error}")`, () => {
        const r = resolveCase(c);
        expect('error' in r, 'the engine accepts a config torch rejects').toBe(true);
        const message = (r as { error: string }).error;
        expect(
          c.error_params!.some((p) => message.includes(p)),
          `"${message}" names one of ${c.error_params!.join(', ')}`,
        ).toBe(true);
        summary[c.name] = { worst: '-', result: `rejected: ${message.slice(0, 60)}` };
      });
      continue;
    }
    it(c.name, () => {
      const r = resolveCase(c);
      if ('error' in r) throw new Error(`the engine rejects a config torch accepts: ${r.error}`);
      let cmp: Comparison;
      try {
        cmp = compareRun(c, r);
      } catch (e) {
        summary[c.name] = { worst: '-', result: `FAIL ${(e as Error).message.split('\n')[0]}` };
        throw e;
      }
      const upTo = c.separates_at == null ? '' : ` (chaotic: iterates < ${c.separates_at})`;
      summary[c.name] = {
        worst: cmp.worst.toExponential(2),
        result: (cmp.first ? `FAIL ${describeMismatch(cmp.first)}` : 'ok') + upTo,
      };
      expect(cmp.first, `worst error ${cmp.worst.toExponential(2)}; first over ${TOL}`).toBeNull();
    });
  }

  afterAll(() => {
    console.table(summary);
  });
});
