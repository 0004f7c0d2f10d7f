import type { Preset } from './preset.ts';

/** Foret et al. 2021 on a real network: SAM's minimum is flatter than plain gradient descent's. */
export const samNetwork: Preset = {
  id: 'sam-network',
  title: 'SAM finds a flatter minimum on a network',
  explanation:
    'Both runs take full-batch steps of the same size; SAM first moves ρ = 0.1 uphill along the gradient and steps with the gradient it finds there, which is large wherever the loss curves up sharply. So it is pushed away from sharp regions and ends where the Hessian’s top eigenvalue is several times smaller than plain gradient descent’s. In 400 steps it also fits the training data less closely: flatness is where SAM settles, not a better score by itself.',
  tryThis:
    'Centre the slice on run 2 (SAM’s end) and compare its bowl with run 1’s: SAM’s is wider. Then set ρ to 0.01 and SAM behaves almost like plain gradient descent.',
  scenario: {
    version: 1,
    model: {
      data: { name: 'moons', n: 200, noise: 0.3, seed: 2 },
      hidden: [24, 24],
      activation: 'tanh',
      batch_size: 200,
    },
    slice: { plane: 'filter_normalized', seed: 1, center: { run: 0, step: -1 }, span: 1 },
    steps: 400,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.3 }, label: 'Gradient descent' },
      { optimizer: 'sam', params: { lr: 0.3, rho: 0.1 }, label: 'SAM, ρ {rho}' },
    ],
    view: { mode: '3d' },
  },
};
