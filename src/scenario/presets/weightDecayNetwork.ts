import type { Preset } from './preset.ts';

/** Weight decay on a real network: smaller weights, a smoother landscape around them. */
export const weightDecayNetwork: Preset = {
  id: 'weight-decay-network',
  title: 'Weight decay shrinks a network and smooths its landscape',
  explanation:
    'The same SGD with momentum, with and without weight decay λ = 0.01. Without it, the weights keep growing to push the training loss towards zero, and the loss around them becomes steep; with it, every step also shrinks the weights, so they end about five times smaller, where the loss changes slowly. The price is a higher training loss; the test loss stays closer to it.',
  tryThis:
    'Centre the slice on run 2 (the decayed run’s end): its bowl is far shallower than run 1’s. Then lower λ to 0.001: the weights end over two thirds as large as without decay, and the fit is almost as close.',
  scenario: {
    version: 1,
    model: {
      data: { name: 'moons', n: 200, noise: 0.25, seed: 3 },
      hidden: [24, 24],
      activation: 'tanh',
      batch_size: 32,
    },
    slice: { plane: 'filter_normalized', seed: 1, center: { run: 0, step: -1 }, span: 1 },
    steps: 400,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 }, label: 'SGD, no decay' },
      {
        optimizer: 'sgd',
        params: { lr: 0.2, momentum: 0.9, weight_decay: 0.01 },
        label: 'SGD, λ {weight_decay}',
      },
    ],
    view: { mode: '3d' },
  },
};
