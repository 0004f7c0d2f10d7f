import { NOISY_MOONS_NETWORK } from './noisyMoonsNetwork.ts';
import type { Preset } from './preset.ts';

/** Li et al. 2018's picture: a trained network's loss on a filter-normalised random plane. */
export const networkPlane: Preset = {
  id: 'network-plane',
  title: 'A trained network’s landscape on a random plane',
  explanation:
    'A network has hundreds of weights, so its loss cannot be drawn; what can be drawn is the loss on a plane through weight space. The plane is centred at Adam’s last iterate and spanned by two random directions, each rescaled per neuron to the size of that neuron’s weights (filter normalisation), so the picture does not depend on how the weights happen to be scaled. The trained network sits at the bottom of a basin, and the loss rises in every direction of the plane.',
  tryThis:
    'Switch the plane to PCA: it is fitted to the path itself, so the path lies almost in the picture, and the view says how much of the path’s variance the two directions explain.',
  scenario: {
    version: 1,
    model: {
      ...NOISY_MOONS_NETWORK,
      batch_size: 32,
    },
    slice: { plane: 'filter_normalized', seed: 1, center: { run: 0, step: -1 }, span: 1 },
    steps: 300,
    runs: [{ optimizer: 'adam', params: { lr: 0.01 }, label: 'Adam' }],
    view: { mode: '3d' },
  },
};
