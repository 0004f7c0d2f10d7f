import type { OptimizerDef } from '../optimizer.ts';
import { createAdam } from './adamStep.ts';
import { adamFamilyParams, amsgradParam } from './commonParams.ts';

/**
 * torch.optim.Adam:
 *   g ← g + λw;  m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²
 *   w ← w − η/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)
 */
export const adam: OptimizerDef = {
  id: 'adam',
  label: 'Adam',
  reference: 'torch.optim.Adam',
  rule: 'm ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  w ← w − η·m̂ / (√v̂ + ε)',
  summary:
    'Momentum plus a per-weight step size from the running RMS of the gradient: it crosses plateaus and flat saddle regions at a steady pace, since each step is about lr long whatever the gradient’s scale.',
  params: [...adamFamilyParams(1e-3), amsgradParam],
  cycledMomentum: 'beta1',
  create: (groups) => createAdam(groups, false),
};
