import type { Preset } from './preset.ts';

/**
 * Two runs share their first 50-step cosine cycle and both settle in the narrow local minimum;
 * the restart makes that well unstable (lr × curvature > 2) while the wide basin stays stable.
 */
export const warmRestarts: Preset = {
  id: 'warm-restarts',
  title: 'Warm restarts: a kick out of a local minimum',
  explanation:
    'Both runs follow the same cosine for their first 50 steps and settle in the narrow well on the left, a local minimum: the wide basin on the right is lower. The first run then stays at the cosine’s final learning rate, zero, and stays stuck. The second snaps back to the full learning rate: for steps that large the narrow well is too sharp to hold the optimizer, so it is thrown out, and it ends up in the wide basin, which is gentle enough to stay stable even at the peak learning rate.',
  tryThis:
    'Lower both learning rates to 0.1: the narrow well is now stable even at the peak learning rate, so the restarts no longer throw the second run out of it.',
  scenario: {
    version: 1,
    surface: { id: 'sharp_flat', params: { sharp_depth: 0.8 } },
    start: [-2, 1],
    steps: 300,
    noise: { sigma: 0.05, seed: 1 },
    runs: [
      {
        optimizer: 'sgd',
        params: { lr: 0.5 },
        schedule: { name: 'WarmupCosine', params: { warmup_steps: 0, total_steps: 50 } },
        label: 'One cosine cycle',
      },
      {
        optimizer: 'sgd',
        params: { lr: 0.5 },
        schedule: { name: 'CosineAnnealingWarmRestarts', params: { T_0: 50 } },
        label: 'Warm restarts every {T_0} steps',
      },
    ],
  },
};
