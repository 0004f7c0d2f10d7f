import type { OptimizerDef } from '../optimizer.ts';
import { adadelta } from './adadelta.ts';
import { adafactor } from './adafactor.ts';
import { adagrad } from './adagrad.ts';
import { adam } from './adam.ts';
import { adamax } from './adamax.ts';
import { adamw } from './adamw.ts';
import { asgd } from './asgd.ts';
import { lamb } from './lamb.ts';
import { lars } from './lars.ts';
import { lion } from './lion.ts';
import { nadam } from './nadam.ts';
import { radam } from './radam.ts';
import { rmsprop } from './rmsprop.ts';
import { rprop } from './rprop.ts';
import { schedulefreeAdamw } from './schedulefreeAdamw.ts';
import { sgd } from './sgd.ts';

/**
 * The optimizers that need only gradients, in UI order. Each can serve as SAM's base optimizer,
 * so SAM's `base` choices are this list (kept apart from index.ts so sam.ts does not import the
 * registry that imports it).
 */
export const FIRST_ORDER_OPTIMIZERS: readonly OptimizerDef[] = [
  sgd,
  adagrad,
  rmsprop,
  adadelta,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  lion,
  rprop,
  asgd,
  adafactor,
  lamb,
  lars,
  schedulefreeAdamw,
];
