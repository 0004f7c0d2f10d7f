import type { Preset } from './preset.ts';

/** L-BFGS's few long, line-searched steps on Rosenbrock against Adam's many short ones. */
export const lbfgsRosenbrock: Preset = {
  id: 'lbfgs-rosenbrock',
  title: 'L-BFGS: a few long steps, many evaluations each',
  explanation:
    'One L-BFGS step runs up to 20 quasi-Newton iterations, each with a line search, and builds a model of the curvature from the gradients it has seen: on Rosenbrock it reaches the minimum in two steps. The hollow dots are the points it evaluated inside a step, about 44 in all, so the fair comparison is with Adam’s 300 gradient evaluations, after which Adam is still far up the valley. On a smooth, full-batch problem that is hard to beat; with noisy mini-batch gradients its curvature model falls apart, which is why networks are trained with first-order methods.',
  tryThis:
    'Set L-BFGS’s max_iter to 1, so each step is a single quasi-Newton iteration: now you can watch it bend along the valley, reaching the minimum in about 35 steps with two or three evaluations each.',
  scenario: {
    version: 1,
    surface: { id: 'rosenbrock' },
    steps: 300,
    runs: [
      { optimizer: 'lbfgs', params: { line_search_fn: 'strong_wolfe' }, label: 'L-BFGS' },
      { optimizer: 'adam', params: { lr: 0.02 }, label: 'Adam' },
    ],
    view: { mode: '2d' },
  },
};
