import type { Preset } from './preset.ts';

/** Keskar et al. 2017: small batches find flatter minima that generalise better. */
export const smallBatchFlat: Preset = {
  id: 'small-batch-flat',
  title: 'Small batches find flat minima',
  explanation:
    'SGD on batches of 8 examples gets a different, noisy gradient at every step, and that noise keeps kicking it out of narrow valleys: it can only settle where the basin is wide. Its end point is flat (the Hessian’s top eigenvalue is about 1) and its test loss is close to its training loss.',
  tryThis:
    'Set the batch size to 200, the whole training set: full-batch gradient descent settles in a minimum about four times sharper, with a lower training loss but a test–train gap about three times wider (see the generalisation table).',
  scenario: {
    version: 1,
    model: {
      data: { name: 'moons', n: 200, noise: 0.3, seed: 2 },
      hidden: [24, 24],
      activation: 'tanh',
      batch_size: 8,
      shuffle: true,
    },
    slice: { plane: 'filter_normalized', seed: 1, span: 1 },
    steps: 500,
    runs: [{ optimizer: 'sgd', params: { lr: 0.5 }, label: 'SGD, lr {lr}' }],
    view: { mode: '3d' },
  },
};
