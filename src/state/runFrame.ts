import type { RunResult } from '../engine/run.ts';
import { LIMITS, type ScenarioRun } from '../scenario/scenario.ts';
import { playhead } from './playhead.ts';
import { runPathOf, type RunPath } from './runPath.ts';
import { emptyRunView, runViewAt, type RunView } from './runView.ts';
import { sim } from './simulation.ts';

/**
 * The per-frame tier of the runs (see runView.ts for what a run shows): one RunView per run
 * slot, refilled at most once per frame for the playhead's step, whichever view asks first.
 * The scene and the map both draw from it, so they cannot disagree about a head or a mark.
 * Plain objects, rewritten in place: per-frame work never goes through React.
 */
const views: RunView[] = Array.from({ length: LIMITS.maxRuns }, emptyRunView);
let filledStep = NaN;
let filledVersion = -1;
let filledRuns: readonly ScenarioRun[] | null = null;

/** Each result's path against its domain, made once per result (results are immutable). */
const paths = new WeakMap<RunResult, RunPath>();

/**
 * The path of run i's current result, or null when it has none. (A result is made for one SWA
 * start, which is part of what it is cached under in simulation.ts.)
 */
export function runPath(i: number, run: ScenarioRun): RunPath | null {
  const r = sim.results[i];
  const built = sim.built;
  if (!r || !built) return null;
  let path = paths.get(r);
  if (!path || path.box !== built.domain) {
    path = runPathOf(r, built.domain, run.swa ? run.swa.start : null);
    paths.set(r, path);
  }
  return path;
}

/** What every run shows at the playhead now (index = run index; unused slots are not drawn). */
export function runViews(runs: readonly ScenarioRun[]): readonly RunView[] {
  const step = playhead.step;
  if (step === filledStep && sim.version === filledVersion && runs === filledRuns) return views;
  filledStep = step;
  filledVersion = sim.version;
  filledRuns = runs;
  for (let i = 0; i < views.length; i++) {
    const run = runs[i];
    const r = sim.results[i];
    const path = run?.visible ? runPath(i, run) : null;
    if (!run || !r || !path) views[i].drawn = false;
    else runViewAt(r, path, step, views[i]);
  }
  return views;
}

/**
 * What the visible runs draw beside their trails, for the map's legend: each side path's label
 * once (SWA's average, ASGD's ax, …), and whether any run shows closure evaluations. Made when
 * the results or the scenario change, not per frame.
 */
export function shownExtras(runs: readonly ScenarioRun[]): {
  sides: string[];
  evaluations: boolean;
} {
  const sides: string[] = [];
  let evaluations = false;
  runs.forEach((run, i) => {
    const path = run.visible ? runPath(i, run) : null;
    if (!path) return;
    for (const s of path.sides) if (!sides.includes(s.label)) sides.push(s.label);
    if (path.evalStart) evaluations = true;
  });
  return { sides, evaluations };
}
