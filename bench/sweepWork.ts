import { parseScenario } from '../src/scenario/parseScenario.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

/**
 * Issue 14's two sweeps at the sizes it budgets: a 128 × 128 basin map of one optimizer (Adam)
 * on Rosenbrock, 300 steps from each start; and an lr sweep of 8 runs × 60 lrs × 5 seeds ×
 * 500 steps on Rosenbrock with gradient noise (so the seeds differ).
 */
export function basinScenario(): Scenario {
  return parseScenario({
    surface: { id: 'rosenbrock' },
    steps: 300,
    runs: [{ optimizer: 'adam', params: { lr: 0.02 } }],
    sweep: { kind: 'basins', resolution: [128, 128] },
  });
}

export function lrScenario(): Scenario {
  return parseScenario({
    surface: { id: 'rosenbrock' },
    steps: 500,
    noise: { sigma: 0.5, seed: 1 },
    runs: [
      { optimizer: 'sgd' },
      { optimizer: 'sgd', params: { momentum: 0.9 } },
      { optimizer: 'sgd', params: { momentum: 0.9, nesterov: true } },
      { optimizer: 'adam' },
      { optimizer: 'adamw' },
      { optimizer: 'rmsprop' },
      { optimizer: 'adagrad' },
      { optimizer: 'lion' },
    ],
    sweep: { kind: 'lr', ranges: [[1e-5, 1, 'log']], resolution: [60], seeds: 5 },
  });
}
