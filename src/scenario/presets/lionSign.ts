import type { Preset } from './preset.ts';

/** Lion moves every weight by exactly ±lr; Adam's steps follow the landscape's scale. */
export const lionSign: Preset = {
  id: 'lion-sign',
  title: 'Lion: every step the same size',
  explanation:
    'Lion keeps a momentum but only uses its sign: every weight moves by exactly ±lr on every step, so each step has the same length whatever the gradient’s size. In Rosenbrock’s curved valley the floor is nearly flat, and Adam’s steps shrink there; Lion marches along the floor at full speed and reaches the minimum, then keeps rattling around it on a grid of lr-sized steps, because it cannot take a smaller one.',
  tryThis:
    'Add a cosine annealing schedule to Lion: its steps now shrink only because the learning rate does, and the rattle around the minimum dies down.',
  scenario: {
    version: 1,
    surface: { id: 'rosenbrock' },
    steps: 300,
    runs: [
      { optimizer: 'lion', params: { lr: 0.02 }, label: 'Lion' },
      { optimizer: 'adam', params: { lr: 0.02 }, label: 'Adam' },
    ],
    view: { mode: '2d' },
  },
};
