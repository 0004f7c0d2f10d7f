import type { Preset } from './preset.ts';

/**
 * One-cycle's large middle learning rate makes the sharp well unstable (lr × curvature > 2),
 * so the run cannot settle there; the annealing then lands it exactly on the flat minimum.
 */
export const oneCycle: Preset = {
  id: 'one-cycle',
  title: 'One-cycle: a high learning rate that favours flat valleys',
  explanation:
    'Leslie Smith’s one cycle ramps the learning rate up to a large peak, then anneals it far below where it started. The deep, narrow well on the left only holds an optimizer whose steps are small (lr below about 0.1): the constant-lr run drops into it and stays. The one-cycle run drops in too while its learning rate is still small, but as the rate climbs past 0.1 the well can no longer hold it: it bounces out over the saddle into the wide basin on the right, which is stable even at the peak, and the final annealing settles it exactly on the bottom. The high learning rate in the middle acts as a regulariser that favours wide, flat valleys.',
  tryThis:
    'Lower max_lr to 0.2: the peak is no longer high enough to keep the run out of the narrow well, and it ends there like the constant run.',
  scenario: {
    version: 1,
    surface: { id: 'sharp_flat' },
    start: [-1.9, 0.5],
    steps: 200,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 }, label: 'Constant lr {lr}' },
      {
        optimizer: 'sgd',
        params: { lr: 0.1 },
        schedule: { name: 'OneCycleLR', params: { max_lr: 0.5, cycle_momentum: false } },
        label: 'One-cycle (max lr {max_lr})',
      },
    ],
  },
};
