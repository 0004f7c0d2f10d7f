import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';
import { DEFAULT_NETWORK, actions, labStore } from '../../src/state/store.ts';
import { cancelTraining, currentNetworkScenario } from '../../src/state/networkSim.ts';

/**
 * actions.loadNetworkScenario is the one way a network scenario enters the page (a link, a
 * saved session, a lesson): what it loads is what the network lab then trains and links.
 */
const lesson = parseModelScenario(PRESETS_BY_ID['sam-network'].scenario);
const other = parseModelScenario(PRESETS_BY_ID['swa-network'].scenario);
const surface = parseScenario(PRESETS_BY_ID['swa'].scenario);

describe('loading a network scenario into the store', () => {
  // The store asks for a frame on every edit; Node has no frames to give.
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
  });

  it('opens the network lab with its model, slice, runs, steps, noise, view and lesson', () => {
    actions.loadScenario(surface);
    actions.loadNetworkScenario(lesson, 'sam-network');
    const st = labStore.getState();
    expect(st.network).toEqual({
      model: lesson.model,
      slice: lesson.slice,
      analysis: DEFAULT_NETWORK.analysis,
    });
    expect(st.scenario).toMatchObject({
      steps: lesson.steps,
      noise: lesson.noise,
      runs: lesson.runs,
      view: lesson.view,
    });
    expect(st.lesson).toBe('sam-network');
    // What the lab trains, and what Copy link encodes, is the scenario loaded.
    expect({ ...currentNetworkScenario(), view: null }).toEqual({ ...lesson, view: null });
    expect(st.surfaceBefore).toBe(surface);
    cancelTraining();
  });

  it('a second network scenario keeps the surface scenario the lab was opened from', () => {
    actions.loadNetworkScenario(other);
    expect(labStore.getState().network!.model).toEqual(other.model);
    expect(labStore.getState().surfaceBefore).toBe(surface);
    expect(labStore.getState().lesson).toBeNull();
    cancelTraining();
  });

  it('a scenario without a slice gets the lab’s default plane', () => {
    actions.loadNetworkScenario({ ...lesson, slice: null });
    expect(labStore.getState().network!.slice).toEqual(DEFAULT_NETWORK.slice);
    cancelTraining();
  });

  it('a surface scenario loaded in the network lab leaves it', () => {
    actions.loadScenario(surface, 'swa');
    const st = labStore.getState();
    expect(st.network).toBeNull();
    expect(st.surfaceBefore).toBeNull();
    expect(st.scenario).toBe(surface);
    expect(currentNetworkScenario()).toBeNull();
  });

  it('the Network switch opens the lab’s defaults through the same loader', () => {
    actions.openNetwork();
    const st = labStore.getState();
    expect(st.network).toEqual(DEFAULT_NETWORK);
    expect(st.scenario.runs.map((r) => r.optimizer)).toEqual(['sgd', 'adam']);
    expect(st.surfaceBefore).toBe(surface);
    cancelTraining();
    actions.closeNetwork();
    expect(labStore.getState().scenario).toBe(surface);
  });
});
