import type { Preset } from './preset.ts';

/** Sweep the lr; then train at the steepest-descent lr and at the lowest-loss lr. */
export const lrRangeTest: Preset = {
  id: 'lr-range-test',
  title: 'The LR range test: pick the steepest descent, not the minimum',
  explanation:
    'The first run is the LR finder: its learning rate grows exponentially from 1e-4 to 1 over 40 steps, and plotting its loss against the learning rate shows where learning happens. The loss falls fastest around lr 0.01 and is lowest around 0.1, just before it blows up. Training at the steepest-descent lr (second run) converges; training at the lowest-loss lr (third run) sits at the edge of stability and bounces across the valley without settling.',
  tryThis:
    'Set the third run’s lr to 0.03, a few times the steepest point but well below the minimum: it converges even faster than the second, which is why the steepest descent is a starting point, not a law.',
  scenario: {
    version: 1,
    surface: { id: 'booth' },
    steps: 100,
    runs: [
      {
        optimizer: 'sgd',
        params: { lr: 1e-4 },
        schedule: { name: 'LRRangeTest', params: { start_lr: 1e-4, end_lr: 1, num_iter: 40 } },
        label: 'LR range test',
      },
      { optimizer: 'sgd', params: { lr: 0.01 }, label: 'Steepest descent (lr 0.01)' },
      { optimizer: 'sgd', params: { lr: 0.11 }, label: 'Lowest loss (lr ≈ 0.1)' },
    ],
    view: { mode: '2d' },
  },
};
