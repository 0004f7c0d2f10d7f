import { parseScenario } from './parseScenario.ts';
import type { Scenario } from './scenario.ts';

/**
 * What a first-time visitor sees: the course's first lesson (the `ravine-momentum` preset),
 * in 3D. On an ill-conditioned ravine plain SGD zigzags across the valley while momentum runs
 * down it. tests/scenario/defaultScenario.test.ts keeps it equal to the preset.
 */
export const DEFAULT_SCENARIO_JSON = {
  version: 1,
  surface: { id: 'ravine', params: { condition_number: 100, angle: 30 } },
  steps: 120,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.9 }, label: 'SGD' },
    { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 }, label: 'SGD + momentum' },
  ],
  view: { mode: '3d' },
};

/** The preset the default scenario comes from (its lesson card is shown on first visit). */
export const DEFAULT_LESSON = 'ravine-momentum';

export function defaultScenario(): Scenario {
  return parseScenario(DEFAULT_SCENARIO_JSON);
}
