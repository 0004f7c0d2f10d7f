import { byId } from '../byId.ts';
import type { OptimizerDef } from '../optimizer.ts';
import { FIRST_ORDER_OPTIMIZERS } from './firstOrder.ts';
import { lbfgs } from './lbfgs.ts';
import { muon } from './muon.ts';
import { newton } from './newton.ts';
import { sam } from './sam.ts';

/**
 * Every optimizer, in the order the UI lists them. Adding a gradient-only optimizer = one file
 * + one line in firstOrder.ts (which also makes it available as SAM's base).
 */
export const OPTIMIZER_LIST: readonly OptimizerDef[] = [
  ...FIRST_ORDER_OPTIMIZERS,
  muon,
  sam,
  lbfgs,
  newton,
];

export const OPTIMIZERS = byId(OPTIMIZER_LIST);
