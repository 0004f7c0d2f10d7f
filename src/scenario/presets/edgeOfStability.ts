import { NOISY_MOONS_NETWORK } from './noisyMoonsNetwork.ts';
import type { Preset } from './preset.ts';

/** Cohen et al. 2021: full-batch gradient descent trains at the edge of stability, sharpness ≈ 2/lr. */
export const edgeOfStability: Preset = {
  id: 'edge-of-stability',
  title: 'The edge of stability: sharpness rises to 2/lr',
  explanation:
    'Gradient descent with learning rate η is stable on a quadratic only where its curvature is below 2/η. Training a network with full batches, the sharpness (the Hessian’s top eigenvalue) keeps rising until it reaches 2/η and then hovers there, while the loss keeps falling, unevenly. Each run here ends with its sharpness near its own 2/η: about 3.3 for η = 0.6 and 1.3 for η = 1.5. Press measure on the sharpness plot to watch each run’s sharpness (solid) climb to its dashed 2/η.',
  tryThis:
    'Add a run with lr 0.1: its 2/η is 20, far above any curvature it meets, so in 500 steps its sharpness stays well below its edge, and its loss falls smoothly.',
  scenario: {
    version: 1,
    model: {
      ...NOISY_MOONS_NETWORK,
      batch_size: 200,
    },
    // Wide enough for both runs' whole paths, which start about 8 plane units from the end.
    slice: { plane: 'pca', center: { run: 0, step: -1 }, span: 9 },
    steps: 500,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.6 }, label: 'GD, lr {lr}' },
      { optimizer: 'sgd', params: { lr: 1.5 }, label: 'GD, lr {lr}' },
    ],
    view: { mode: '2d', logHeight: true },
  },
};
