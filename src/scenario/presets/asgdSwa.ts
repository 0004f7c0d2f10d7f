import type { Preset } from './preset.ts';

/** ASGD's built-in average and SWA's, on the same noisy run: two names for one idea. */
export const asgdSwa: Preset = {
  id: 'asgd-swa',
  title: 'ASGD and SWA: the same average, two ways',
  explanation:
    'With noisy gradients both runs keep bouncing around the wide basin on the right. SWA averages SGD’s iterates from step 100 on; ASGD is SGD with that average built into the optimizer (from its t0), plus a tiny step-size decay. Both see the same gradient noise, so ASGD’s path lies almost exactly under SGD’s, and their averages (the diamonds) land on almost the same point near the basin’s centre, far closer than either run’s last iterate.',
  tryThis:
    'Set ASGD’s t0 to 1000000, torch’s default: the average never starts, and ASGD’s dashed path just follows its noisy iterate.',
  scenario: {
    version: 1,
    surface: { id: 'sharp_flat' },
    start: [2.8, -1.8],
    steps: 300,
    noise: { sigma: 0.5, seed: 3 },
    runs: [
      { optimizer: 'sgd', params: { lr: 0.3 }, swa: { start: 100 }, label: 'SGD + SWA' },
      { optimizer: 'asgd', params: { lr: 0.3, t0: 100 }, label: 'ASGD' },
    ],
    view: { mode: '2d' },
  },
};
