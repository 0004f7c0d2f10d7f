import { NOISY_MOONS_NETWORK } from './noisyMoonsNetwork.ts';
import type { Preset } from './preset.ts';

/** Loshchilov & Hutter 2019 on a network: L2 inside Adam is not weight decay. */
export const adamL2VsAdamwNetwork: Preset = {
  id: 'adam-l2-vs-adamw-network',
  title: 'Adam + L2 vs AdamW on a network',
  explanation:
    'Both runs ask for weight decay 0.1. Adam adds 0.1·w to the gradient and then divides by √v, so weights with small gradients, most of this network’s, are pulled to zero at about the full learning rate per step; AdamW shrinks every weight by lr·λ = 0.1% per step, whatever its gradient. The two end with very different weight norms and fits: Adam + L2 is held far from the data, AdamW fits it.',
  tryThis:
    'Lower Adam’s weight decay to 0.01: its weights still end much smaller than AdamW’s, because the penalty is rescaled by √v. For AdamW, try 1: only then does its decay bite as hard.',
  scenario: {
    version: 1,
    model: {
      ...NOISY_MOONS_NETWORK,
      batch_size: 32,
    },
    slice: {
      plane: 'points',
      points: [
        { run: 0, step: 0 },
        { run: 0, step: -1 },
        { run: 1, step: -1 },
      ],
      span: 1.5,
    },
    steps: 400,
    runs: [
      {
        optimizer: 'adam',
        params: { lr: 0.01, weight_decay: 0.1 },
        label: 'Adam + L2 {weight_decay}',
      },
      {
        optimizer: 'adamw',
        params: { lr: 0.01, weight_decay: 0.1 },
        label: 'AdamW, λ {weight_decay}',
      },
    ],
    view: { mode: '2d' },
  },
};
