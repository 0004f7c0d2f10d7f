import type { Preset } from './preset.ts';

/** Gradient descent falls into the deep, narrow well; SAM prefers the wide, flat one. */
export const sharpFlatSam: Preset = {
  id: 'sharp-flat-sam',
  title: 'Sharp vs flat minima: SAM looks for the flat one',
  explanation:
    'On the left is a deep but narrow well, a sharp minimum: a small nudge to the weights sends the loss shooting up, which is why sharp minima generalise poorly. On the right is a shallower, wide well, a flat minimum. Gradient descent takes the nearest way down and drops into the sharp well. SAM takes each step with the gradient from a point ρ uphill, so it feels the sharp well’s steep walls before it falls in, slides past it and settles in the flat basin.',
  tryThis:
    'Lower SAM’s rho to 0.01: its look-ahead becomes too short to notice the sharp well’s walls, and it falls in like plain gradient descent.',
  scenario: {
    version: 1,
    surface: { id: 'sharp_flat' },
    steps: 200,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 }, label: 'Gradient descent' },
      { optimizer: 'sam', params: { lr: 0.1, rho: 0.1 }, label: 'SAM (ρ {rho})' },
    ],
  },
};
