import type { Preset } from './preset.ts';
import { UNUSED_WEIGHT } from './unusedWeight.ts';

/** AdamW's per-step shrink is lr·λ: double one, halve the other, and the decay is unchanged. */
export const lrWeightDecayCoupling: Preset = {
  id: 'lr-weight-decay-coupling',
  title: 'AdamW: learning rate and weight decay are coupled',
  explanation:
    'AdamW shrinks every weight by the factor (1 − lr·λ) on each step, so the strength of the regularisation is the product lr·λ, not λ alone. The first two runs double the learning rate and halve the weight decay: x gets to its minimum faster, but the unused weight y decays along exactly the same curve. The third run doubles the learning rate and keeps λ, which doubles the shrink per step, and y collapses twice as fast.',
  tryThis:
    'Set the second run to lr 0.2 and weight decay 0.025: y still follows the first run’s curve, because lr·λ is still 0.005.',
  scenario: {
    ...UNUSED_WEIGHT,
    runs: [
      {
        optimizer: 'adamw',
        params: { lr: 0.05, weight_decay: 0.1 },
        label: 'lr {lr}, λ {weight_decay}',
      },
      {
        optimizer: 'adamw',
        params: { lr: 0.1, weight_decay: 0.05 },
        label: 'lr {lr}, λ {weight_decay}',
      },
      {
        optimizer: 'adamw',
        params: { lr: 0.1, weight_decay: 0.1 },
        label: 'lr {lr}, λ {weight_decay}',
      },
    ],
  },
};
