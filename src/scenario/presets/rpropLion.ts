import type { Preset } from './preset.ts';

/** Two sign-based optimizers: Lion's fixed ±lr grid against Rprop's per-weight step sizes. */
export const rpropLion: Preset = {
  id: 'rprop-lion',
  title: 'Rprop and Lion: two ways to use only the sign',
  explanation:
    'Both optimizers ignore how large the gradient is and look only at its sign. Lion moves every weight by exactly ±lr, so in the ravine it reaches the bottom and then rattles there on a grid of lr-sized steps. Rprop gives every weight its own step size, multiplying it by 1.2 while the gradient’s sign holds and halving it when the sign flips, so it speeds up along the valley, brakes each time it overshoots, and settles exactly on the minimum.',
  tryThis:
    'Set Rprop’s η− to 0.9, so a sign flip barely brakes it: the steps keep growing faster than they shrink and it flies out of the ravine.',
  scenario: {
    version: 1,
    surface: { id: 'ravine' },
    steps: 300,
    runs: [
      { optimizer: 'rprop', params: { lr: 0.01 }, label: 'Rprop' },
      { optimizer: 'lion', params: { lr: 0.02 }, label: 'Lion' },
    ],
    view: { mode: '2d' },
  },
};
