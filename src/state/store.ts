import { createStore } from 'zustand/vanilla';
import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import type { ParamValue, ParamValues } from '../engine/params.ts';
import { defaultParams, specsOf } from '../engine/validateParams.ts';
import type { Scenario, ScenarioRun, ScenarioView, SurfaceRef } from '../scenario/scenario.ts';
import { LIMITS } from '../scenario/scenario.ts';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { onPlaybackEnd, playhead, requestDraw, seek, setPlaying } from './playhead.ts';
import { forgetSurface, recompute, sim } from './simulation.ts';
import { cancelTraining, forgetNetwork, trainNetwork, type NetworkSetup } from './networkSim.ts';
import type { AnalysisRef } from '../scenario/networkAnalysis.ts';
import type { ModelRef, ModelScenario, SliceRef } from '../scenario/modelScenario.ts';
import { suggestRunLr } from '../scenario/suggestLr.ts';
import type { Sweep } from '../scenario/sweep/sweep.ts';
import { withParam } from '../scenario/sweep/sweepParam.ts';

/**
 * The reactive tier: the serialisable scenario plus UI state that changes at human speed.
 * Every scenario edit goes through an action here; a subscription below recomputes the engine
 * results (outside React) and asks for one redraw.
 */
export interface LabState {
  scenario: Scenario;
  /** Index of the run whose controls are open. */
  selectedRun: number;
  playing: boolean;
  /** Arrows at each head: −gradient, momentum, update. */
  showArrows: boolean;
  /** Where the curvature readout is evaluated; null = the start point. */
  probe: [number, number] | null;
  /** Surface mesh / map resolution (vertices per side). */
  resolution: number;
  /** A message to show above the view (bad link, restored session, …). */
  notice: { kind: 'error' | 'info'; text: string; action?: 'return' | 'undo-reset' } | null;
  /** The preset whose lesson is shown, if the scenario came from one. */
  lesson: string | null;
  /** In the network lab: its data, network and slice (the runs are the scenario's); else null. */
  network: NetworkSetup | null;
  /** The surface scenario the network lab was opened from, given back when it is left. */
  surfaceBefore: Scenario | null;
  /**
   * A basin map or seed fan over the 2D map (the sweep panel's choice): basins coloured by where
   * each run ends or by its metric; 'off' hides it.
   */
  sweepOverlay: 'ends' | 'metric' | 'off';
}

/** What the network lab opens with: two-moons, a small tanh network, a filter-normalised plane. */
export const DEFAULT_NETWORK: NetworkSetup = {
  model: {
    data: { name: 'moons', n: 200, noise: 0.1, seed: 1, classes: 3 },
    hidden: [16, 16],
    activation: 'tanh',
    residual: false,
    init: { seed: 1 },
    batch_size: 32,
    shuffle: false,
  },
  slice: {
    plane: 'filter_normalized',
    seed: 1,
    center: { run: 0, step: -1 },
    points: null,
    span: 1,
    resolution: 41,
  },
  analysis: {
    line: { from: { run: 0, step: 0 }, to: { run: 0, step: -1 } },
    sharpness: false,
  },
};

/** A new run with torch's defaults for its optimizer, `params` overriding some of them. */
const freshRun = (optimizer: string, params: ParamValues = {}): ScenarioRun => ({
  optimizer,
  params: { ...defaultParams(OPTIMIZERS[optimizer].params), ...params },
  schedule: null,
  start: null,
  swa: null,
  label: null,
  color: null,
  visible: true,
});

/** The runs the network lab starts with: torch's SGD with momentum and Adam at usual lrs. */
const networkRuns = (): ScenarioRun[] => [
  freshRun('sgd', { lr: 0.1, momentum: 0.9 }),
  freshRun('adam', { lr: 0.01 }),
];

export const labStore = createStore<LabState>(() => ({
  scenario: defaultScenario(),
  selectedRun: 0,
  playing: false,
  showArrows: false,
  probe: null,
  resolution: 160,
  notice: null,
  lesson: null,
  network: null,
  surfaceBefore: null,
  sweepOverlay: 'ends',
}));

/** The scenario without its sweep (a sweep belongs to the surface and runs it was made for). */
export function withoutSweep(s: Scenario): Scenario {
  if (!s.sweep) return s;
  const rest = { ...s };
  delete rest.sweep;
  return rest;
}

const setScenario = (fn: (s: Scenario) => Scenario) =>
  labStore.setState((st) => ({ scenario: fn(st.scenario) }));

/**
 * A run with torch's defaults, its lr replaced by one that visibly moves on the surface shown
 * (suggestLr.ts: torch's 0.001 barely leaves the start on a surface a few units across).
 */
function withSuggestedLr(s: Scenario, run: ScenarioRun): ScenarioRun {
  // A network's slice is a picture of the loss, not what its runs train on: torch's defaults.
  if (labStore.getState().network) return run;
  const lr = sim.built ? suggestRunLr(s, sim.built, run) : null;
  return lr === null ? run : { ...run, params: { ...run.params, lr } };
}

const mapRun = (i: number, fn: (r: ScenarioRun) => ScenarioRun) =>
  setScenario((s) => ({ ...s, runs: s.runs.map((r, j) => (j === i ? fn(r) : r)) }));

export const actions = {
  /** Into the network lab with its defaults: the surface scenario is kept, to be given back. */
  openNetwork(setup: NetworkSetup = DEFAULT_NETWORK) {
    const { scenario } = labStore.getState();
    actions.loadNetworkScenario({
      version: scenario.version,
      ...structuredClone(setup),
      steps: 200,
      noise: scenario.noise,
      runs: networkRuns(),
      view: scenario.view,
    });
  },
  /**
   * A network scenario into the network lab (a link, a saved session, a lesson): its model and
   * slice, runs, steps, noise and view. The surface scenario shown before is kept, to be given
   * back on leaving (or the one kept already, when the lab is open).
   */
  loadNetworkScenario(s: ModelScenario, lesson: string | null = null) {
    const st = labStore.getState();
    actions.setPlaying(false);
    labStore.setState({
      surfaceBefore: st.network ? st.surfaceBefore : st.scenario,
      network: {
        model: s.model,
        slice: s.slice ?? DEFAULT_NETWORK.slice,
        analysis: DEFAULT_NETWORK.analysis,
      },
      // The network's own sweep, if it has one (the surface's stays with surfaceBefore).
      scenario: {
        ...withoutSweep(st.scenario),
        start: null,
        steps: s.steps,
        noise: s.noise,
        runs: s.runs,
        view: s.view,
        ...(s.sweep ? { sweep: s.sweep } : {}),
      },
      selectedRun: 0,
      probe: null,
      lesson,
    });
  },
  closeNetwork() {
    const { surfaceBefore, scenario } = labStore.getState();
    forgetNetwork();
    forgetSurface();
    labStore.setState({
      network: null,
      surfaceBefore: null,
      scenario: surfaceBefore ?? scenario,
      selectedRun: 0,
      lesson: null,
    });
  },
  setModel(model: Partial<ModelRef>) {
    labStore.setState((st) =>
      st.network ? { network: { ...st.network, model: { ...st.network.model, ...model } } } : {},
    );
  },
  setSlice(slice: Partial<SliceRef>) {
    labStore.setState((st) =>
      st.network ? { network: { ...st.network, slice: { ...st.network.slice, ...slice } } } : {},
    );
  },
  setAnalysis(analysis: Partial<AnalysisRef>) {
    labStore.setState((st) =>
      st.network
        ? { network: { ...st.network, analysis: { ...st.network.analysis, ...analysis } } }
        : {},
    );
  },
  cancelTraining() {
    cancelTraining();
  },
  /** A surface scenario into the surface lab (leaving the network lab if it is open). */
  loadScenario(scenario: Scenario, lesson: string | null = null) {
    actions.setPlaying(false);
    if (labStore.getState().network) {
      forgetNetwork();
      forgetSurface();
    }
    labStore.setState({
      scenario,
      selectedRun: 0,
      probe: null,
      lesson,
      network: null,
      surfaceBefore: null,
    });
    // A link's own step if it names one (a link at the end omits it: parseScenario reads that
    // as the end). Step 0 draws no path at all, only the starts; earlier versions saved it for
    // anyone who had not pressed Play, so it reads as "the end" too: whole paths on arrival.
    const at = Math.min(scenario.view.playhead, scenario.steps);
    playhead.step = at > 0 ? at : scenario.steps;
    requestDraw();
  },
  setLesson(lesson: string | null) {
    labStore.setState({ lesson });
  },
  setSurface(surface: SurfaceRef) {
    setScenario((s) => ({ ...withoutSweep(s), surface, start: null }));
    // A lesson is about its own landscape: another surface ends it.
    labStore.setState({ probe: null, lesson: null });
  },
  setSurfaceParam(name: string, value: ParamValue) {
    setScenario((s) =>
      'id' in s.surface
        ? { ...s, surface: { ...s.surface, params: { ...s.surface.params, [name]: value } } }
        : s,
    );
  },
  setStart(start: [number, number] | null) {
    // Every network run starts at the model's initial weights: a point of the slice is no start.
    if (labStore.getState().network) return;
    setScenario((s) => ({ ...s, start, runs: s.runs.map((r) => ({ ...r, start: null })) }));
  },
  setSteps(steps: number) {
    setScenario((s) => ({
      ...s,
      steps: Math.max(1, Math.min(LIMITS.maxSteps, Math.round(steps))),
    }));
  },
  setNoise(noise: Partial<Scenario['noise']>) {
    setScenario((s) => ({ ...s, noise: { ...s.noise, ...noise } }));
  },
  setView(view: Partial<ScenarioView>) {
    setScenario((s) => ({ ...s, view: { ...s.view, ...view } }));
  },
  setRunParam(i: number, name: string, value: ParamValue) {
    mapRun(i, (r) => {
      const params: ParamValues = { ...r.params, [name]: value };
      // SAM: switching the base optimizer swaps in the new base's defaults.
      if (name === 'base') {
        const def = OPTIMIZERS[r.optimizer];
        const fresh = defaultParams(specsOf(def, { base: value }));
        return { ...r, params: { ...fresh, rho: r.params.rho, base: value, lr: r.params.lr } };
      }
      return { ...r, params };
    });
  },
  setRunOptimizer(i: number, id: string) {
    const { scenario } = labStore.getState();
    mapRun(i, (r) =>
      withSuggestedLr(scenario, {
        ...r,
        optimizer: id,
        params: defaultParams(OPTIMIZERS[id].params),
        label: null,
      }),
    );
  },
  setRunSchedule(i: number, name: string) {
    mapRun(i, (r) => ({
      ...r,
      schedule:
        name === 'constant' ? null : { name, params: defaultParams(SCHEDULES[name].params) },
    }));
  },
  setScheduleParam(i: number, name: string, value: ParamValue) {
    mapRun(i, (r) =>
      r.schedule
        ? { ...r, schedule: { ...r.schedule, params: { ...r.schedule.params, [name]: value } } }
        : r,
    );
  },
  setRunSwa(i: number, swa: { start: number } | null) {
    mapRun(i, (r) => ({ ...r, swa }));
  },
  renameRun(i: number, label: string) {
    mapRun(i, (r) => ({ ...r, label: label.slice(0, LIMITS.maxLabel) || null }));
  },
  setRunColor(i: number, color: string) {
    mapRun(i, (r) => ({ ...r, color }));
  },
  toggleRun(i: number) {
    mapRun(i, (r) => ({ ...r, visible: !r.visible }));
  },
  addRun(optimizer = 'adam') {
    const { scenario } = labStore.getState();
    if (scenario.runs.length >= LIMITS.maxRuns) return;
    const run = withSuggestedLr(scenario, freshRun(optimizer));
    setScenario((s) => ({ ...s, runs: [...s.runs, run] }));
    labStore.setState({ selectedRun: scenario.runs.length });
  },
  duplicateRun(i: number) {
    const { scenario } = labStore.getState();
    if (scenario.runs.length >= LIMITS.maxRuns) return;
    const copy = structuredClone(scenario.runs[i]);
    copy.color = null;
    copy.label = copy.label ? `${copy.label} (copy)`.slice(0, LIMITS.maxLabel) : null;
    setScenario((s) => ({ ...s, runs: [...s.runs.slice(0, i + 1), copy, ...s.runs.slice(i + 1)] }));
    labStore.setState({ selectedRun: i + 1 });
  },
  removeRun(i: number) {
    const { scenario, selectedRun } = labStore.getState();
    if (scenario.runs.length <= 1) return;
    setScenario((s) => ({ ...s, runs: s.runs.filter((_, j) => j !== i) }));
    labStore.setState({
      selectedRun: Math.max(0, Math.min(selectedRun, scenario.runs.length - 2)),
    });
  },
  /** Play or pause; the store mirrors the playhead's flag so buttons re-render. */
  setPlaying(on: boolean) {
    setPlaying(on);
    labStore.setState({ playing: playhead.playing });
  },
  togglePlaying() {
    actions.setPlaying(!playhead.playing);
  },
  /** Back to step 0, paused. */
  reset() {
    actions.setPlaying(false);
    seek(0);
  },
  selectRun(i: number) {
    labStore.setState({ selectedRun: i });
  },
  setProbe(probe: [number, number] | null) {
    // The curvature readout is of a surface's exact Hessian; a slice is an interpolant.
    if (labStore.getState().network) return;
    labStore.setState({ probe });
  },
  setShowArrows(showArrows: boolean) {
    labStore.setState({ showArrows });
    requestDraw();
  },
  setResolution(resolution: number) {
    labStore.setState({ resolution });
  },
  setNotice(notice: LabState['notice']) {
    labStore.setState({ notice });
  },
  /** The scenario's sweep (validated by the caller, draftSweep.ts); null removes it. */
  setSweep(sweep: Sweep | null) {
    setScenario((s) => (sweep ? { ...s, sweep } : withoutSweep(s)));
  },
  /** Set swept parameters of run i (`lr`, `betas[1]` …): a click on a sweep's plot or map. */
  setRunValues(i: number, values: Readonly<Record<string, number>>) {
    mapRun(i, (r) => Object.entries(values).reduce((run, [k, v]) => withParam(run, k, v), r));
  },
  /** Every listed run at its lr ("Tune fairly": each at its best lr for the same budget). */
  setRunLrs(lrs: ReadonlyMap<number, number>) {
    setScenario((s) => ({
      ...s,
      runs: s.runs.map((r, i) => (lrs.has(i) ? withParam(r, 'lr', lrs.get(i)!) : r)),
    }));
  },
  setSweepOverlay(sweepOverlay: LabState['sweepOverlay']) {
    labStore.setState({ sweepOverlay });
    requestDraw();
  },
};

// A scenario change recomputes the runs whose inputs changed (see recompute). When that changes
// what any run shows, playback pauses with the playhead at the end: every run's whole path is
// drawn at once, in both views, for the edit just made (Play starts again from step 0).
let lastScenario: Scenario | null = null;
let lastNetwork: NetworkSetup | null = null;
export function syncSimulation(): void {
  const { scenario, network } = labStore.getState();
  if (scenario === lastScenario && network === lastNetwork) return;
  const prev = lastScenario;
  const prevNetwork = lastNetwork;
  lastScenario = scenario;
  lastNetwork = network;
  if (network) {
    // The worker answers later (networkSim.ts moves the playhead to the end when it does).
    if (
      prev &&
      network === prevNetwork &&
      prev.steps === scenario.steps &&
      prev.noise === scenario.noise &&
      prev.runs === scenario.runs
    ) {
      requestDraw();
      return;
    }
    if (playhead.playing) actions.setPlaying(false);
    trainNetwork(scenario, network);
    requestDraw();
    return;
  }
  // View-only edits (camera, 2D/3D, log height, playhead) change no trajectory.
  if (
    prev &&
    prev.surface === scenario.surface &&
    prev.start === scenario.start &&
    prev.steps === scenario.steps &&
    prev.noise === scenario.noise &&
    prev.runs === scenario.runs
  ) {
    requestDraw();
    return;
  }
  playhead.maxStep = scenario.steps;
  if (playhead.step > scenario.steps) playhead.step = scenario.steps;
  if (recompute(scenario)) {
    if (playhead.playing) actions.setPlaying(false);
    playhead.step = scenario.steps;
  }
  requestDraw();
}
labStore.subscribe(syncSimulation);
onPlaybackEnd(() => labStore.setState({ playing: false }));
