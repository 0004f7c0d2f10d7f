import type { Preset } from './preset.ts';

/** Noisy SGD rattles around a flat basin; the running average of its iterates lands in the middle. */
export const swa: Preset = {
  id: 'swa',
  title: 'SWA: the average lands in the middle of the basin',
  explanation:
    'With noisy gradients and a constant learning rate, SGD never settles: it keeps bouncing around inside the wide basin on the right, and its last position is wherever the last kick left it. Stochastic weight averaging keeps a running average of the iterates from step 100 on. The bounces scatter in every direction around the bottom, so they cancel in the average, which ends up much closer to the centre of the basin than any single iterate.',
  tryThis:
    'Start the average at step 250 instead of 100: it now averages only 50 bounces and lands about twenty times farther from the centre, though still closer than a typical single iterate.',
  scenario: {
    version: 1,
    surface: { id: 'sharp_flat' },
    // Below the axis (the surface is symmetric in y), so that the start is in view in front.
    start: [2.8, -1.8],
    steps: 300,
    noise: { sigma: 0.5, seed: 3 },
    runs: [{ optimizer: 'sgd', params: { lr: 0.3 }, swa: { start: 100 }, label: 'SGD + SWA' }],
    view: { mode: '2d' },
  },
};
