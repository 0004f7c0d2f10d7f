import { NOISY_MOONS_NETWORK } from './noisyMoonsNetwork.ts';
import type { Preset } from './preset.ts';

/** You et al. 2017/2020: LARS and LAMB scale each layer's step by its trust ratio. */
export const lambLarsTrust: Preset = {
  id: 'lamb-lars-trust',
  title: 'LARS and LAMB: a step size per layer',
  explanation:
    'The layers of a network have very different sizes of weights and gradients, so one learning rate is too large for some and too small for others. LAMB (on Adam) multiplies each tensor’s step by its trust ratio ‖w‖ / ‖update‖, so every layer moves by the same fraction, lr, of its own norm at every step; LARS (on SGD with momentum) does the same to the gradient before momentum averages it. The trust-ratio plot shows, for the selected run, how differently each layer’s weight and bias are scaled.',
  tryThis:
    'Compare the trust ratios of the first layer’s weight and of the biases. Then double LAMB’s learning rate to 0.02: every layer’s step, relative to its own norm, doubles with it.',
  scenario: {
    version: 1,
    model: {
      ...NOISY_MOONS_NETWORK,
      batch_size: 32,
    },
    slice: { plane: 'filter_normalized', seed: 1, center: { run: 1, step: -1 }, span: 1 },
    steps: 300,
    runs: [
      { optimizer: 'lars', params: { lr: 5, momentum: 0.9 }, label: 'LARS' },
      { optimizer: 'lamb', params: { lr: 0.01 }, label: 'LAMB' },
    ],
    view: { mode: '3d' },
  },
};
