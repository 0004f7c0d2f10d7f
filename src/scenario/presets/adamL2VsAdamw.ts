import type { Preset } from './preset.ts';
import { UNUSED_WEIGHT } from './unusedWeight.ts';

/**
 * The loss uses only x; y is a weight no data ever touches. Adam's L2 penalty is divided by
 * √v with everything else; AdamW's decay is not.
 */
export const adamL2VsAdamw: Preset = {
  id: 'adam-l2-vs-adamw',
  title: 'Adam + L2 vs AdamW’s decoupled weight decay',
  explanation:
    'This loss depends on x only; y is a weight no example ever uses, so weight decay is the only force on it. With Adam, the L2 penalty is added to the gradient and then divided by √v like everything else: y’s only gradient is the penalty itself, so y is shoved to zero at the full learning rate whatever λ is, while x, whose large loss gradients fill its v, hardly feels the penalty at all. AdamW applies the decay to the weights directly, so every weight shrinks by the same fraction lr·λ each step, regardless of its gradient history.',
  tryThis:
    'Change both weight decays from 0.1 to 0.01: Adam’s path for y does not change at all (the normalisation cancels λ), while AdamW’s y now decays ten times more slowly.',
  scenario: {
    ...UNUSED_WEIGHT,
    runs: [
      {
        optimizer: 'adam',
        params: { lr: 0.05, weight_decay: 0.1 },
        label: 'Adam + L2 (λ {weight_decay})',
      },
      {
        optimizer: 'adamw',
        params: { lr: 0.05, weight_decay: 0.1 },
        label: 'AdamW (λ {weight_decay})',
      },
    ],
  },
};
