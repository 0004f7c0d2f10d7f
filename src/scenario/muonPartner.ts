import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { PartnerSpec } from '../engine/partnerOptimizer.ts';
import { defaultParams } from '../engine/validateParams.ts';
import type { ScenarioRun } from './scenario.ts';

/**
 * Muon on a network, as its users run it (Keller Jordan's recipe; torch.optim.Muon's docs say
 * the same): Muon takes the 2-D weights of the hidden-to-hidden layers, and AdamW everything
 * else — the first layer (it reads the inputs), the output head and every bias — with
 * torch.optim.AdamW's defaults and lr = the run's `adamw_lr`.
 */

/** The tensors Muon takes, as indices into model.parameters(): layer l's weight is tensor 2l. */
export function muonTensors(hidden: readonly number[]): number[] {
  return Array.from({ length: Math.max(0, hidden.length - 1) }, (_, i) => 2 * (i + 1));
}

/** The AdamW beside a matrices-only run (Muon) on a network; null for every other optimizer. */
export function muonPartner(run: ScenarioRun, hidden: readonly number[]): PartnerSpec | null {
  if (!OPTIMIZERS[run.optimizer].matrices) return null;
  const muon = new Set(muonTensors(hidden));
  const tensors = Array.from({ length: 2 * (hidden.length + 1) }, (_, i) => i).filter(
    (i) => !muon.has(i),
  );
  const adamw = OPTIMIZERS.adamw;
  return {
    optimizer: adamw,
    params: { ...defaultParams(adamw.params), lr: run.params.adamw_lr as number },
    tensors,
  };
}
