import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ScenarioRun } from './scenario.ts';

/** The name a run is shown and exported with: its own label, else its optimizer's name. */
export const runLabel = (run: ScenarioRun): string =>
  run.label ?? OPTIMIZERS[run.optimizer]?.label ?? run.optimizer;
