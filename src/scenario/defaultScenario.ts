import { parseScenario } from './parseScenario.ts';
import type { Scenario } from './scenario.ts';

/**
 * What a first-time visitor sees: the course's first lesson. On an ill-conditioned ravine,
 * plain SGD zigzags across the valley, momentum runs down it, and Adam rescales each weight.
 */
export const DEFAULT_SCENARIO_JSON = {
  surface: { id: 'ravine' },
  steps: 150,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.09 }, label: 'SGD' },
    { optimizer: 'sgd', params: { lr: 0.02, momentum: 0.9 }, label: 'SGD + momentum' },
    { optimizer: 'adam', params: { lr: 0.1 }, label: 'Adam' },
  ],
};

export function defaultScenario(): Scenario {
  return parseScenario(DEFAULT_SCENARIO_JSON);
}
