import type { ParamValues } from './params.ts';
import type { RegistryEntry } from './registryEntry.ts';

/**
 * A learning-rate schedule, computed for a whole run up front (a few thousand numbers).
 *
 * Semantics are torch's: the scheduler is constructed after the optimizer and
 * `scheduler.step()` is called after each `optimizer.step()`, so `lrs[t]` is the lr that
 * optimizer step t (0-based) uses, i.e. the group's lr after t scheduler steps.
 */
export interface ScheduleTrack {
  lrs: Float64Array;
  /** OneCycleLR with cycle_momentum: the momentum (or beta1) for step t. */
  momenta?: Float64Array;
  /**
   * A schedule that is an experiment with an end, not a torch scheduler (the LR range test):
   * the run stops after `steps` optimizer steps, and `message` says why, for the user.
   */
  end?: { steps: number; message: string };
}

export interface ScheduleInputs {
  /** The optimizer's lr (torch's `initial_lr` / base_lrs[0]). */
  baseLr: number;
  /** The optimizer's momentum or beta1 at construction, if it has one (for OneCycleLR). */
  baseMomentum: number | null;
  /** How many optimizer steps the run takes. */
  steps: number;
}

/**
 * A schedule: its id is torch's class name, e.g. 'CosineAnnealingLR', or ours ('WarmupCosine',
 * 'LRRangeTest', 'constant'); its reference e.g. 'torch.optim.lr_scheduler.OneCycleLR'.
 */
export interface ScheduleDef extends RegistryEntry {
  /** Cross-parameter checks torch makes (returns a message naming the parameter, or null). */
  check?(params: ParamValues, inputs: ScheduleInputs): string | null;
  compute(params: ParamValues, inputs: ScheduleInputs): ScheduleTrack;
}
