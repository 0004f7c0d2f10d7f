import { parseScenario } from './parseScenario.ts';
import { ravineMomentum } from './presets/ravineMomentum.ts';
import type { Scenario } from './scenario.ts';

/** The shape of the default scenario file (salvageScenario borrows its surface and runs). */
interface DefaultScenarioJson {
  surface: { id: string; params?: Record<string, unknown> };
  runs: { optimizer: string; params?: Record<string, unknown> }[];
  [key: string]: unknown;
}

/**
 * What a first-time visitor sees: the course's first lesson (the `ravine-momentum` preset),
 * in 3D. On an ill-conditioned ravine plain SGD zigzags across the valley while momentum runs
 * down it.
 */
// Preset scenarios are typed loosely (they are validated like any scenario file); this one's
// surface and runs have the shape above, which defaultScenario.test.ts checks by parsing it.
export const DEFAULT_SCENARIO_JSON = {
  ...ravineMomentum.scenario,
  view: { mode: '3d' },
} as unknown as DefaultScenarioJson;

/** The preset the default scenario comes from (its lesson card is shown on first visit). */
export const DEFAULT_LESSON = ravineMomentum.id;

export function defaultScenario(): Scenario {
  return parseScenario(DEFAULT_SCENARIO_JSON);
}
