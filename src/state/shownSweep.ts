import type { Scenario } from '../scenario/scenario.ts';
import type { SweptScenario } from '../scenario/sweep/sweepPlan.ts';
import type { SweepResult } from '../scenario/sweep/sweepResult.ts';
import { runSweep } from './sweepClient.ts';
import { sweepStillValid, sweptScenario } from './draftSweep.ts';
import { requestDraw } from './playhead.ts';
import { labStore, withoutSweep } from './store.ts';

/**
 * The sweep the page shows: the scenario's `sweep` computed in the worker pool (sweepClient.ts),
 * its cells filled in as they arrive. Transient like the simulation (simulation.ts): views read
 * it in render or frame callbacks and subscribe for changes; nothing here goes through React.
 *
 * A scenario edit keeps the results but may make them stale (`inputsKey` differs): an lr sweep
 * stays current while the runs' lrs change (clicking a point, Tune fairly), a map while its two
 * parameters change, a basin map while the start moves.
 */
export interface ShownSweep {
  /** The cells so far (values NaN where not computed yet), filled in place as they arrive. */
  result: SweepResult | null;
  running: boolean;
  error: string | null;
  /** What the results depend on (see inputsKey), for the "out of date" note. */
  key: string;
  /** The scenario they were computed for (in the network lab, the network's). */
  scenario: SweptScenario;
}

export const shown: { sweep: ShownSweep | null; version: number } = { sweep: null, version: 0 };

const listeners = new Set<() => void>();
export function subscribeShownSweep(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function publish(): void {
  shown.version++;
  for (const fn of listeners) fn();
  requestDraw();
}

/**
 * What a sweep's numbers depend on: everything but the view, the runs' looks and the settings
 * the sweep itself varies (the lr of the swept runs, a map's two parameters, a basin map's
 * start).
 */
export function inputsKey(s: SweptScenario): string {
  const sweep = s.sweep;
  const runs = s.runs.map((r, i) => {
    const params: Record<string, unknown> = { ...r.params };
    if (sweep?.kind === 'lr' && (sweep.run === null || sweep.run === i)) delete params.lr;
    if (sweep?.kind === 'grid2' && (sweep.run === null || sweep.run === i))
      for (const name of sweep.params) delete params[name.replace(/\[\d+\]$/, '')];
    const swept = sweep?.kind === 'basins' && sweep.run === i;
    return [r.optimizer, params, r.schedule, r.swa, swept ? null : r.start];
  });
  // A network's slice is only a picture: its sweep depends on the model and data.
  if ('model' in s) return JSON.stringify([s.model, s.steps, s.noise, runs, sweep]);
  const start = sweep?.kind === 'basins' ? null : s.start;
  return JSON.stringify([s.surface, start, s.steps, s.noise, runs, sweep]);
}

let cancel: (() => void) | null = null;
let computedFor: Scenario['sweep'] | null = null;

/** Compute the scenario's sweep (replacing whatever is shown or running). */
export function computeSweep(scenario: SweptScenario): void {
  cancel?.();
  cancel = null;
  if (!scenario.sweep) return;
  computedFor = scenario.sweep;
  const entry: ShownSweep = {
    result: null,
    running: true,
    error: null,
    key: inputsKey(scenario),
    scenario,
  };
  shown.sweep = entry;
  publish();
  cancel = runSweep(
    scenario,
    (result) => {
      if (shown.sweep !== entry) return;
      entry.result = result;
      publish();
    },
    (result) => {
      if (shown.sweep !== entry) return;
      entry.result = result;
      entry.running = false;
      cancel = null;
      publish();
    },
    (message) => {
      if (shown.sweep !== entry) return;
      entry.running = false;
      entry.error = message;
      cancel = null;
      publish();
    },
  );
}

/** Stop the computation; the cells so far stay drawn. */
export function cancelSweep(): void {
  cancel?.();
  cancel = null;
  if (shown.sweep?.running) {
    shown.sweep.running = false;
    shown.sweep.error = 'cancelled: the cells computed so far are drawn';
    publish();
  }
}

/** Forget the shown sweep (the panel's "Clear"). */
export function clearSweep(): void {
  cancelSweep();
  shown.sweep = null;
  computedFor = null;
  publish();
}

/** Whether the shown results are for the scenario as it is now. */
export const sweepCurrent = (s: SweptScenario): boolean =>
  !!shown.sweep && shown.sweep.key === inputsKey(s);

// A scenario that arrives with a sweep (a link, a lesson, Compute) has it computed; an edit
// that leaves the sweep no longer valid for its runs (a run removed, an optimizer without the
// swept parameter) drops it from the scenario, so a shared link never carries a broken sweep.
let lastRuns: Scenario['runs'] | null = null;
let lastSteps = 0;
let lastModel: unknown = null;
let wasNetwork = false;
labStore.subscribe((st) => {
  const s = st.scenario;
  const network = st.network;
  // Into or out of the network lab: what was shown belongs to the other lab.
  if (!!network !== wasNetwork) {
    wasNetwork = !!network;
    if (shown.sweep) clearSweep();
  }
  const model = network?.model ?? null;
  const changed = s.runs !== lastRuns || s.steps !== lastSteps || model !== lastModel;
  lastRuns = s.runs;
  lastSteps = s.steps;
  lastModel = model;
  if (s.sweep && changed && !sweepStillValid(s, network)) {
    labStore.setState({ scenario: withoutSweep(s) });
    return;
  }
  if (s.sweep && s.sweep !== computedFor) computeSweep(sweptScenario(s, network));
});

/**
 * The sweep's scenario as it is now (the network's in the network lab), for the "out of date"
 * note; null when the settings do not validate.
 */
export function currentSweptScenario(): SweptScenario | null {
  const { scenario, network } = labStore.getState();
  try {
    return sweptScenario(scenario, network);
  } catch {
    return null;
  }
}
