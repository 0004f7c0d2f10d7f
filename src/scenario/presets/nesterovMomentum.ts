import type { Preset } from './preset.ts';

/** The same heavy ball, with and without Nesterov's look-ahead. */
export const nesterovMomentum: Preset = {
  id: 'nesterov-momentum',
  title: 'Nesterov: momentum that looks before it leaps',
  explanation:
    'Both runs are SGD with the same learning rate and momentum 0.9 on a tilted, stretched bowl. Classic momentum keeps rolling past the bottom and swings back and forth for a long time; Nesterov’s version takes its gradient step along where the momentum is about to carry it, notices the uphill sooner and pulls back, so it overshoots far less and settles much earlier.',
  tryThis:
    'Raise the momentum of both runs to 0.95: both swing for longer now, and Nesterov, which corrects each swing early, is still an order of magnitude closer to the bottom at the end.',
  scenario: {
    version: 1,
    surface: { id: 'matyas' },
    steps: 150,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.3, momentum: 0.9 }, label: 'Momentum' },
      { optimizer: 'sgd', params: { lr: 0.3, momentum: 0.9, nesterov: true }, label: 'Nesterov' },
    ],
    view: { mode: '2d' },
  },
};
