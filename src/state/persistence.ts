import { decodeLink, scenarioFragment } from '../scenario/shareLink.ts';
import { salvageScenario } from '../scenario/salvageScenario.ts';
import {
  isModelScenario,
  parseModelScenario,
  type ModelScenario,
} from '../scenario/modelScenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { DEFAULT_LESSON, defaultScenario } from '../scenario/defaultScenario.ts';
import { actions, labStore } from './store.ts';
import { currentNetworkScenario } from './networkSim.ts';
import { playhead, shownStep } from './playhead.ts';

/**
 * The scenario outside the page: the URL fragment follows the state (debounced
 * history.replaceState, no history entry per slider tick), and the scenario autosaves to
 * localStorage so reopening the app restores it. Opening a shared link never overwrites the
 * user's own saved scenario: it is kept aside and the page offers to return to it.
 *
 * In the network lab, the link and the save are the network scenario (so a reload or a shared
 * link opens the lab as it was), and the surface scenario the lab was opened from is saved
 * beside it, so that leaving the lab after a reload still gives the surfaces back.
 */
const SAVED = 'loss-landscape-lab:scenario';
/** Saved while the network lab is open: the surface scenario behind it. */
const SURFACE_BEHIND = 'loss-landscape-lab:surface-behind-network';
const BEFORE_LINK = 'loss-landscape-lab:before-link';
/** Set while the saved scenario is a link the user opened and has not edited since. */
const FROM_LINK = 'loss-landscape-lab:saved-is-unedited-link';
const URL_DELAY = 300;
const SAVE_DELAY = 500;

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
};

/** Either kind of scenario: a surface's or a network's (`model` in place of `surface`). */
type AnyScenario = Scenario | ModelScenario;

/** The surface scenario with the playhead where it is now (the playhead lives outside the store). */
export function currentScenario(): Scenario {
  const { scenario: shown, network, surfaceBefore } = labStore.getState();
  // In the network lab, the surface scenario it was opened from.
  const scenario = network && surfaceBefore ? surfaceBefore : shown;
  return { ...scenario, view: { ...scenario.view, playhead: shownStep() } };
}

/**
 * What the page shows, as the link and the save keep it: in the network lab its scenario (the
 * last one its settings made that validates, with the view as it is now), else the surface's.
 */
export function sharedScenario(): AnyScenario {
  const { network, scenario } = labStore.getState();
  const asked = network ? currentNetworkScenario() : null;
  if (!asked) return currentScenario();
  // The sweep was checked against the network when it was set (draftSweep.ts).
  const sweep = scenario.sweep ? { sweep: scenario.sweep } : {};
  return { ...asked, view: { ...scenario.view, playhead: shownStep() }, ...sweep };
}

/** The full share link for what the page shows. */
export function shareUrl(): string {
  return `${location.origin}${location.pathname}${location.search}${scenarioFragment(sharedScenario())}`;
}

/** A saved scenario of either kind, validated; null when there is none or it is unusable. */
function readSaved(key: string): AnyScenario | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    // Our own earlier save, but still untrusted (another version of the app, a hand edit).
    const data: unknown = JSON.parse(raw);
    if (isModelScenario(data)) return parseModelScenario(data);
    const { scenario, status } = salvageScenario(data);
    return status === 'default' ? null : scenario;
  } catch {
    return null;
  }
}

/** Load either kind of scenario, each by its own action. */
function load(s: AnyScenario): void {
  if ('model' in s) actions.loadNetworkScenario(s);
  else actions.loadScenario(s);
}

/** Save what the page shows, and in the network lab the surface scenario behind it. */
function saveShown(): void {
  const shown = sharedScenario();
  save(SAVED, shown);
  if ('model' in shown) save(SURFACE_BEHIND, currentScenario());
  else storage()?.removeItem(SURFACE_BEHIND);
}

function save(key: string, s: AnyScenario): void {
  try {
    storage()?.setItem(key, JSON.stringify(s));
  } catch {
    // Quota or disabled storage: the link in the address bar still holds the scenario.
  }
}

/** Two scenarios that compute the same runs (the view and playhead aside). */
const sameRuns = (a: AnyScenario, b: AnyScenario) =>
  JSON.stringify({ ...a, view: null }) === JSON.stringify({ ...b, view: null });

/**
 * Open the scenario a link names, telling the user what (if anything) was wrong with it. The
 * user's own saved scenario is set aside first — unless it already is the link's (a reload of
 * the same link), so that reopening a link never overwrites what was set aside before.
 */
function openLink(hash: string): void {
  flushSave();
  const decoded = decodeLink(hash);
  const own = readSaved(SAVED);
  // Our own address on a reload (every visit keeps its scenario in the fragment): nothing to
  // say — unless it is a link the user opened and has not touched, whose way back stays.
  if (own && decoded.status === 'ok' && sameRuns(own, decoded.scenario)) {
    loadWithoutEditing(decoded.scenario);
    const before = readSaved(BEFORE_LINK);
    if (storage()?.getItem(FROM_LINK) === '1' && before && !sameRuns(before, decoded.scenario))
      actions.setNotice({
        kind: 'info',
        text: 'You opened a shared scenario. Your own is saved.',
        action: 'return',
      });
    return;
  }
  // Set the user's scenario aside — but not a link they opened and never touched, so that
  // opening a second link does not push their own work out.
  if (own && storage()?.getItem(FROM_LINK) !== '1') save(BEFORE_LINK, own);
  loadWithoutEditing(decoded.scenario);
  saveShown();
  storage()?.setItem(FROM_LINK, '1');
  const before = readSaved(BEFORE_LINK);
  const canReturn = before !== null && !sameRuns(before, decoded.scenario);
  if (decoded.status !== 'ok') {
    actions.setNotice({
      kind: 'error',
      text: `This link could not be opened as it was: ${decoded.problems.join('; ')}.`,
      action: canReturn ? 'return' : undefined,
    });
  } else if (canReturn) {
    actions.setNotice({
      kind: 'info',
      text: 'You opened a shared scenario. Your own is saved.',
      action: 'return',
    });
  }
}

/** Load a scenario without counting it as the user's edit (see FROM_LINK). */
let loading = false;
function loadWithoutEditing(s: AnyScenario): void {
  loading = true;
  try {
    load(s);
  } finally {
    loading = false;
  }
}

/** Go back to the scenario the user had before opening a link. */
export function returnToSaved(): void {
  const s = readSaved(BEFORE_LINK);
  if (!s) return;
  load(s);
  actions.setNotice(null);
  flushSave();
  storage()?.removeItem(BEFORE_LINK);
}

/** What "Reset to default" replaced, until Undo (or the next reset). */
let beforeReset: { scenario: Scenario; lesson: string | null } | null = null;

/**
 * The whole scenario back to the first-visit default (the default lesson), saved at once so a
 * reload shows it too. What it replaced is kept for the notice's Undo.
 */
export function resetToDefault(): void {
  beforeReset = { scenario: currentScenario(), lesson: labStore.getState().lesson };
  actions.loadScenario(defaultScenario(), DEFAULT_LESSON);
  actions.setNotice({
    kind: 'info',
    text: 'The scenario is back to the default.',
    action: 'undo-reset',
  });
  flushNow();
}

/** Put back what the last reset replaced (and save it, so a reload keeps it). */
export function undoReset(): void {
  if (!beforeReset) return;
  const { scenario, lesson } = beforeReset;
  beforeReset = null;
  actions.loadScenario(scenario, lesson);
  actions.setNotice(null);
  flushNow();
}

/** Save now (a reset or its undo must survive an immediate reload). */
function flushNow(): void {
  clearTimeout(saveTimer);
  savePending = false;
  saveShown();
}

let urlTimer = 0;
let saveTimer = 0;
let savePending = false;

/** Write a pending (debounced) save now, before anything reads the saved scenario. */
function flushSave(): void {
  if (!savePending) return;
  clearTimeout(saveTimer);
  savePending = false;
  saveShown();
}

/** Read the link or the saved scenario, then keep the URL and the save in step. Call once. */
export function startPersistence(): void {
  // A reload in the network lab: the surface scenario behind it first, for leaving the lab.
  const behind = readSaved(SURFACE_BEHIND);
  if (behind && !('model' in behind)) actions.loadScenario(behind);
  if (location.hash.length > 1) openLink(location.hash);
  else {
    const own = readSaved(SAVED);
    if (own) load(own);
    else actions.setLesson(DEFAULT_LESSON); // a first visit: the default is a lesson
  }
  window.addEventListener('hashchange', () => {
    // A link pasted into the address bar of an open tab; our own replaceState fires no event.
    if (location.hash.length > 1) openLink(location.hash);
  });
  let last = labStore.getState().scenario;
  let lastNetwork = labStore.getState().network;
  labStore.subscribe(({ scenario, network }) => {
    if (scenario === last && network === lastNetwork) return;
    last = scenario;
    lastNetwork = network;
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(updateUrl, URL_DELAY);
    if (!loading) storage()?.removeItem(FROM_LINK); // the user changed it: it is theirs now
    clearTimeout(saveTimer);
    savePending = true;
    saveTimer = window.setTimeout(flushSave, SAVE_DELAY);
  });
  // Pausing or scrubbing moves the playhead, which the link also records.
  window.addEventListener('pagehide', saveShown);
  updateUrl();
}

function updateUrl(): void {
  if (playhead.playing) {
    urlTimer = window.setTimeout(updateUrl, 1000);
    return;
  }
  history.replaceState(history.state, '', scenarioFragment(sharedScenario()));
}
