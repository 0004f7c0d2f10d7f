import type { Preset } from './preset.ts';

/** The same heavy ball, with and without Nesterov's look-ahead. */
export const nesterovMomentum: Preset = {
  id: 'nesterov-momentum',
  title: 'Nesterov: momentum that looks before it leaps',
  explanation:
    'Both runs are SGD with the same learning rate and momentum 0.9 on a tilted, stretched bowl. Classic momentum swings from wall to wall across the valley all the way down, and its loss rebounds again and again; Nesterov’s version takes its gradient step where the momentum is about to carry it, notices the uphill wall sooner and pulls back, so its path down the valley is smooth, with side swings five times smaller. Along the gentle floor both overshoot the bottom and swing back (momentum 0.9 carries both), but Nesterov settles a thousand times lower in the same 150 steps.',
  tryThis:
    'Raise the momentum of both runs to 0.95: both swing for longer now, and Nesterov, which corrects each swing early, still ends with a loss ten times lower.',
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
