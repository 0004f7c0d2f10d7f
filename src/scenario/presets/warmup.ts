import type { Preset } from './preset.ts';

/** The same large learning rate, with and without a linear warmup, from a steep start. */
export const warmup: Preset = {
  id: 'warmup',
  title: 'Warmup: surviving the first steps',
  explanation:
    'Both runs use the same learning rate, 0.3, which is fine near the minimum but far too large for the steep walls where training starts. Without warmup the very first steps overshoot, each overshoot lands somewhere even steeper, and the run blows up within a handful of steps. With a linear warmup the learning rate starts at 1% and ramps up over 30 steps, so the early steps are small enough to slide down off the walls: it first rests in the side well next to the start, and as the rate grows that shallow well can no longer hold it and it drops into the central basin, which can take the full learning rate.',
  tryThis:
    'Cut the warmup to a single step (total_iters 1): the learning rate is back at 0.3 before the run has left the steep walls, and it blows up too. (A warmup of only 3 steps is already enough here: the first steps are what matter.)',
  scenario: {
    version: 1,
    surface: { id: 'three_hump_camel' },
    // The suggested start mirrored (the camel is symmetric under (x, y) → (−x, −y)), in view in front.
    start: [-2.3, -1.8],
    steps: 150,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.3 }, label: 'No warmup' },
      {
        optimizer: 'sgd',
        params: { lr: 0.3 },
        schedule: { name: 'LinearLR', params: { start_factor: 0.01, total_iters: 30 } },
        label: 'Linear warmup ({total_iters} steps)',
      },
    ],
  },
};
