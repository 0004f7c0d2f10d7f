import type { Preset } from './preset.ts';

/**
 * Sweep the lr (the run stops when the sweep is over, at step 40); then train at the
 * steepest-descent lr and at the lowest-loss lr. end_lr 0.6 ends the sweep just after the loss
 * has shot back up past where it started, the shape an LR finder's curve is read from; a larger
 * end_lr would only add steps whose loss dwarfs the rest of the curve.
 */
export const lrRangeTest: Preset = {
  id: 'lr-range-test',
  title: 'The LR range test: pick the steepest descent, not the minimum',
  explanation:
    'The first run is the LR finder: its learning rate grows exponentially from 1e-4 to 0.6 over 40 steps, and then the test stops. Read the lr off the loss-vs-lr plot: pick the steepest descent. The plot marks where the loss falls fastest, near lr 0.006, and where it is lowest, near 0.1, just before it shoots back up past where it started. Training at lr 0.01, the steepest point’s order of magnitude (second run), converges; training at the lowest-loss lr (third run) sits at the edge of stability and is still bouncing across the valley after 100 steps.',
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
        schedule: { name: 'LRRangeTest', params: { start_lr: 1e-4, end_lr: 0.6, num_iter: 40 } },
        label: 'LR range test (40 steps)',
      },
      { optimizer: 'sgd', params: { lr: 0.01 }, label: 'Steepest descent (lr {lr})' },
      { optimizer: 'sgd', params: { lr: 0.11 }, label: 'Lowest loss (lr ≈ 0.1)' },
    ],
    view: { mode: '2d' },
  },
};
