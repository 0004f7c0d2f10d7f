import type { Preset } from './preset.ts';

/** Logistic regression on data: mini-batch gradients are noisy estimates of the true one. */
export const minibatchNoise: Preset = {
  id: 'minibatch-noise',
  title: 'Real data: where SGD’s noise comes from',
  explanation:
    'This surface is a real model, logistic regression on 64 training examples, and each step uses a mini-batch of 8 of them. A mini-batch gradient is a noisy estimate of the true gradient, so SGD’s path jitters around the smooth descent and, once it reaches the bottom, keeps wandering around the minimum instead of stopping on it. The size of the wandering is set by the learning rate: the first run drops it tenfold at step 100 (step decay), and its steps shrink tenfold and stay near the bottom, while the second, at lr 1 throughout, keeps wandering.',
  tryThis:
    'Set the batch size to 64, the whole dataset: every step now uses the exact gradient, the path becomes smooth and the lr-1 run stops right on the minimum.',
  scenario: {
    version: 1,
    surface: { id: 'logistic' },
    steps: 200,
    // The step-decay run first, so that its small late steps are drawn over the wider wander.
    runs: [
      {
        optimizer: 'sgd',
        params: { lr: 1 },
        schedule: { name: 'StepLR', params: { step_size: 100, gamma: 0.1 } },
        label: 'SGD, lr 1 → 0.1 at step 100',
      },
      { optimizer: 'sgd', params: { lr: 1 }, label: 'SGD, lr {lr}' },
    ],
  },
};
