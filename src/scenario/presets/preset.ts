import { isModelScenario } from '../modelScenario.ts';

/**
 * A one-click scenario that teaches one idea from the course: what to look at (explanation),
 * one experiment to try next, and the scenario itself as a scenario file (docs/scenario.md),
 * so parseScenario fills in the defaults exactly as it does for a link or a simulate file.
 * A network lesson's scenario has `model` in place of `surface` (isNetworkPreset) and is read
 * by parseModelScenario; it opens in the network lab.
 * Ids are stable: the UI and links may refer to them.
 */
export interface Preset {
  id: string;
  title: string;
  /** Two or three sentences in the course's voice: what happens and why. */
  explanation: string;
  /** One suggested experiment: a change to make and what to watch. */
  tryThis: string;
  scenario: PresetScenario;
}

/** Scenario-file JSON (validated when the preset is loaded, and by the preset tests). */
export type PresetScenario = { readonly [key: string]: unknown };

/** A lesson on a real network: its scenario names a `model` (the scenario format's own rule). */
export const isNetworkPreset = (p: Preset): boolean => isModelScenario(p.scenario);
