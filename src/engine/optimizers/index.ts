import type { OptimizerDef } from '../optimizer.ts';
import { sgd } from './sgd.ts';

/** Every optimizer, in the order the UI lists them. Adding one = one file + one line here. */
export const OPTIMIZER_LIST: readonly OptimizerDef[] = [sgd];

export const OPTIMIZERS: Readonly<Record<string, OptimizerDef>> = Object.freeze(
  Object.fromEntries(OPTIMIZER_LIST.map((o) => [o.id, o])),
);
