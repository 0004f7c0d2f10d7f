import type { PathKey } from '../../engine/issues.ts';
import type { ScenarioRun } from '../scenario.ts';
import type { Sweep } from './sweep.ts';
import { sweepWork, sweptRuns } from './sweepPlan.ts';
import { sweptParam, withParam } from './sweepParam.ts';

/** A problem of a sweep against its scenario: where (below `sweep`) and what. */
export interface SweepProblem {
  path: PathKey[];
  message: string;
}

/**
 * What a sweep may cost: one cell's work (a surface's steps; a network's multiply-adds,
 * modelRunWork) and the most all cells × seeds may add up to.
 */
export interface SweepWork {
  perCell: number;
  max: number;
  /** What the total counts, for the message: `optimizer steps (cells × seeds × steps)`. */
  unit: string;
}

/**
 * What the sweep's own shape cannot say: that its run exists, that its parameters are the
 * run's, that every setting it reaches is one the run accepts (checked at the ranges' ends by
 * the run schema itself, `runProblem`'s torch checks included), and that the total work is
 * under `work.max`. `runIssue` validates a run and returns its first problem.
 */
export function sweepProblems(
  sweep: Sweep,
  runs: readonly ScenarioRun[],
  runIssue: (run: ScenarioRun) => string | null,
  work: SweepWork,
): SweepProblem[] {
  const n = runs.length;
  if (sweep.run !== null && sweep.run >= n)
    return [
      {
        path: ['sweep', 'run'],
        message: `must name one of the scenario's ${n} run${n === 1 ? '' : 's'} (0 to ${n - 1}; got ${sweep.run})`,
      },
    ];
  const problems: SweepProblem[] = [];
  if (sweep.kind === 'lr' || sweep.kind === 'grid2') {
    const swept = sweptRuns(sweep, n);
    const names = sweep.params;
    for (const r of swept) {
      const bad = names.findIndex((name) => typeof sweptParam(runs[r], name) === 'string');
      if (bad >= 0) {
        const why = sweptParam(runs[r], names[bad]) as string;
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
        const run = corner.reduce((acc, value, i) => withParam(acc, names[i], value), runs[r]);
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
  const total = sweepWork(sweep, n, work.perCell);
  if (total > work.max) {
    const field = sweep.kind === 'seeds' ? 'seeds' : 'resolution';
    const big = (x: number) => (x < 1e9 ? x.toLocaleString('en-US') : x.toExponential(1));
    problems.push({
      path: ['sweep', field],
      message: `asks for ${big(total)} ${work.unit}; at most ${big(work.max)}: lower sweep.${field}${field === 'seeds' ? '' : ', sweep.seeds'} or steps`,
    });
  }
  return problems;
}
