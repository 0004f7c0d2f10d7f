import type { Preset } from './preset.ts';

/** Li et al. 2018: skip connections make a deep network's landscape smoother. */
export const residualSmoothing: Preset = {
  id: 'residual-smoothing',
  title: 'Skip connections smooth a deep, narrow network',
  explanation:
    'Six hidden layers of twelve tanh units, trained with Adam, without skip connections: a small move of the weights changes every layer’s input, and the changes compound through the depth. The slice around the trained weights is a sharp, uneven bowl.',
  tryThis:
    'Tick residual (same data and init): every hidden layer after the first now adds its output to its input, h ← h + σ(Wh + b). The network fits as well, but its minimum is about half as sharp and the slice’s loss varies less from point to point.',
  scenario: {
    version: 1,
    model: {
      data: { name: 'circles', n: 200, noise: 0.1, seed: 1 },
      hidden: [12, 12, 12, 12, 12, 12],
      activation: 'tanh',
      residual: false,
      batch_size: 32,
    },
    slice: { plane: 'filter_normalized', seed: 1, span: 1 },
    steps: 300,
    runs: [{ optimizer: 'adam', params: { lr: 0.01 }, label: 'Adam' }],
    view: { mode: '3d' },
  },
};
