import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { runModelScenario } from '../../src/scenario/runModelScenario.ts';

/** A torch_mlp.json case as far as training it goes. */
export interface FixtureNetwork {
  model: { data: { seed: number } } & Record<string, unknown>;
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
}

/**
 * Train a fixture network the way the lab does, as a one-run network scenario (with shuffle,
 * batches come from the scenario's seed, which the fixture set to the data's).
 */
export function trainFixtureNetwork(c: FixtureNetwork) {
  const scenario = parseModelScenario({
    model: c.model,
    steps: c.steps,
    noise: { sigma: 0, seed: c.model.data.seed },
    runs: [{ optimizer: c.optimizer, params: c.params }],
  });
  const { built, results } = runModelScenario(scenario);
  const r = results[0];
  return { built, r, end: r.trajectory.slice((r.points - 1) * r.dim) };
}
