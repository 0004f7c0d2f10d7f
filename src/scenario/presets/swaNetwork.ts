import { NOISY_MOONS_NETWORK } from './noisyMoonsNetwork.ts';
import type { Preset } from './preset.ts';

/** Izmailov et al. 2018 on a network: the average of SGD's iterates sits lower in the basin. */
export const swaNetwork: Preset = {
  id: 'swa-network',
  title: 'SWA on a network: the average beats the last iterate',
  explanation:
    'SGD with a large learning rate on batches of 4 never settles: each step jumps to another point on the basin’s walls. Stochastic weight averaging keeps the running mean of the iterates from step 200 on; the jumps scatter around the middle and cancel in the mean, so the average has a lower training loss than the last iterate, or than the iterates do on average.',
  tryThis:
    'Halve the learning rate to 0.5: the iterates jump less far, so the last one lands nearer the middle and the average gains less over it.',
  scenario: {
    version: 1,
    model: {
      ...NOISY_MOONS_NETWORK,
      batch_size: 4,
      shuffle: true,
    },
    slice: { plane: 'filter_normalized', seed: 1, span: 1 },
    steps: 500,
    runs: [{ optimizer: 'sgd', params: { lr: 1 }, swa: { start: 200 }, label: 'SGD + SWA' }],
    view: { mode: '2d' },
  },
};
