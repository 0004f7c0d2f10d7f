import type { PathKey } from '../../engine/issues.ts';
import type { Scenario, ScenarioRun } from '../scenario.ts';
import { SWEEP_LIMITS, type Sweep } from './sweep.ts';
import { sweepWork, sweptRuns } from './sweepPlan.ts';
import { sweptParam, withParam } from './sweepParam.ts';

/** A problem of a sweep against its scenario: where (below `sweep`) and what. */
export interface SweepProblem {
  path: PathKey[];
  message: string;
}

/**
 * What the sweep's own shape cannot say: that its run exists, that its parameters are the
 * run's, that every setting it reaches is one the run accepts (checked at the ranges' ends by
 * the run schema itself, `runProblem`'s torch checks included), and that the total work is
 * under SWEEP_LIMITS.maxWork. `runIssue` validates a run and returns its first problem.
 */
export function sweepProblems(
  sweep: Sweep,
  s: Pick<Scenario, 'runs' | 'steps'>,
  runIssue: (run: ScenarioRun) => string | null,
): SweepProblem[] {
  const n = s.runs.length;
  if (sweep.run !== null && sweep.run >= n)
    return [
      {
        path: ['sweep', 'run'],
        message: `must name one of the scenario's ${n} run${n === 1 ? '' : 's'} (0 to ${n - 1}; got ${sweep.run})`,
      },
    ];
  const problems: SweepProblem[] = [];
  if (sweep.kind === 'lr' || sweep.kind === 'grid2') {
    const runs = sweep.kind === 'lr' ? sweptRuns(sweep, n) : [sweep.run!];
    const names = sweep.params;
    for (const r of runs) {
      const bad = names.findIndex((name) => typeof sweptParam(s.runs[r], name) === 'string');
      if (bad >= 0) {
        const why = sweptParam(s.runs[r], names[bad]) as string;
        problems.push({ path: ['sweep', 'params', bad], message: `run ${r + 1}: ${why}` });
        continue;
      }
      // The corners of the grid: each end of every axis.
      const ends = sweep.ranges.map((range) => [range[0], range[1]]);
      const corners: number[][] =
        ends.length === 1
          ? ends[0].map((e) => [e])
          : ends[0].flatMap((a) => ends[1].map((b) => [a, b]));
      for (const corner of corners) {
        const run = corner.reduce((acc, value, i) => withParam(acc, names[i], value), s.runs[r]);
        const why = runIssue(run);
        if (why === null) continue;
        const at = corner.map((value, i) => `${names[i]} = ${value}`).join(', ');
        problems.push({
          path: ['sweep', 'ranges'],
          message: `reaches ${at}, which run ${r + 1} refuses: ${why}`,
        });
        break;
      }
    }
  }
  if (problems.length) return problems;
  const work = sweepWork(sweep, n, s.steps);
  if (work > SWEEP_LIMITS.maxWork) {
    const field = sweep.kind === 'seeds' ? 'seeds' : 'resolution';
    problems.push({
      path: ['sweep', field],
      message: `asks for ${work.toLocaleString('en-US')} optimizer steps (cells × seeds × steps); at most ${SWEEP_LIMITS.maxWork.toLocaleString('en-US')}: lower sweep.${field}${field === 'seeds' ? '' : ', sweep.seeds'} or steps`,
    });
  }
  return problems;
}
