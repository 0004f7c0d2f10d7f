import type { Preset } from './preset.ts';

/** On a plateau the gradient is tiny; Adam divides by its size and walks at a steady pace. */
export const plateauAdam: Preset = {
  id: 'plateau-adam',
  title: 'Plateau: tiny gradients, tiny steps, and Adam’s fix',
  explanation:
    'The runs start on a vast, almost flat plain around a single basin. The slope there is about a thousandth of what it is in the basin, and gradient descent’s step is the slope times the learning rate, so it barely moves in 150 steps. Adam divides each step by the running size of the gradient, so a tiny gradient still makes a step of about the learning rate: it walks across the plateau at a steady pace and drops into the basin.',
  tryThis:
    'Give gradient descent a learning rate of 100 so it can cross the plain: watch what happens when it reaches the basin, where the same learning rate is far too large: its steps jump clean over the basin and fling it far out onto the plain, where it stops for good.',
  scenario: {
    version: 1,
    surface: { id: 'plateau', params: { width: 1 } },
    // The suggested start mirrored through the (round) basin, so that it is in view in front.
    start: [-2.6, -1.8],
    steps: 150,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.5 }, label: 'Gradient descent' },
      { optimizer: 'adam', params: { lr: 0.05 }, label: 'Adam' },
    ],
  },
};
