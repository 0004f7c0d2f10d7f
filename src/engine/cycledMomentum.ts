import type { OptimizerDef } from './optimizer.ts';
import type { ParamValues } from './params.ts';

/** Which hyperparameter OneCycleLR's cycle_momentum writes for this optimizer and its value. */
export function cycledMomentumOf(
  def: OptimizerDef,
  params: ParamValues,
): { kind: 'momentum' | 'beta1'; value: number } | null {
  const kind = def.cycledMomentumFor ? def.cycledMomentumFor(params) : def.cycledMomentum;
  if (kind === 'momentum') return { kind, value: params.momentum as number };
  if (kind === 'beta1') return { kind, value: (params.betas as readonly number[])[0] };
  return null;
}
