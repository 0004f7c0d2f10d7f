import { cycledMomentumOf } from './cycledMomentum.ts';
import type { Optimizer, OptimizerDef, ParamGroup } from './optimizer.ts';
import type { ParamValues } from './params.ts';
import type { ScheduleDef } from './schedule.ts';
import type { Param } from './tensor.ts';

/**
 * A second torch optimizer over some of a run's tensors, as Muon's users pair it with AdamW
 * (Keller Jordan's recipe: `optimizers = [Muon(hidden_matrices), AdamW(the rest)]`, and every
 * step `for opt in optimizers: opt.step()`). Each optimizer has its own scheduler of the run's
 * schedule class and arguments, so its lr follows the schedule from its own base lr.
 */
export interface PartnerSpec {
  optimizer: OptimizerDef;
  /** Validated, every default filled in. */
  params: ParamValues;
  /** The tensors it takes: indices into the objective's shapes (model.parameters() order). */
  tensors: readonly number[];
}

export interface Partner {
  /** The step of both: the run's optimizer first, then the partner (as the recipe's loop). */
  optimizer: Optimizer;
  /** Set the partner's lr (and OneCycleLR's momentum) for step k, as its scheduler would. */
  setStep(k: number): void;
}

export function createPartner(
  spec: PartnerSpec,
  schedule: { def: ScheduleDef; params: ParamValues } | null,
  steps: number,
  views: readonly Param[],
  own: Optimizer,
): Partner {
  const baseLr = spec.params.lr as number;
  const cycled = cycledMomentumOf(spec.optimizer, spec.params);
  const track = schedule
    ? schedule.def.compute(schedule.params, {
        baseLr,
        baseMomentum: cycled?.value ?? null,
        steps,
      })
    : null;
  const group: ParamGroup = {
    ...(structuredClone(spec.params) as { lr: number }),
    params: spec.tensors.map((i) => views[i]),
  };
  const partner = spec.optimizer.create([group]);
  // Param i of the run (all tensors in order) is param `local[i]` of its owner.
  const mine = new Set(spec.tensors);
  const local: number[] = [];
  let ownCount = 0;
  let partnerCount = 0;
  for (let i = 0; i < views.length; i++) local.push(mine.has(i) ? partnerCount++ : ownCount++);
  return {
    optimizer: {
      step(closure) {
        own.step(closure);
        partner.step(closure);
      },
      momentum: (i) =>
        (mine.has(i) ? partner.momentum?.(local[i]) : own.momentum?.(local[i])) ?? null,
    },
    setStep(k) {
      group.lr = track ? track.lrs[k] : baseLr;
      if (track?.momenta && cycled) {
        if (cycled.kind === 'momentum') group.momentum = track.momenta[k];
        else (group.betas as number[])[0] = track.momenta[k];
      }
    },
  };
}
