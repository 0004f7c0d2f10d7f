import type { Preset } from './preset.ts';

/**
 * SGD bounces between the walls of a narrow ravine; momentum averages the bounces away.
 * The ravine's curvatures are 2 across and 2/κ = 0.02 along the floor, so plain gradient descent
 * is stable only for lr < 2/2 = 1. At lr 0.995 its across-floor offset is multiplied by
 * 1 − 2·lr = −0.99 each step: it flips side every step and shrinks by only 1% a step, so the
 * zigzag is still wide at the end of the run (0.99^80 ≈ 0.45 of its start), while the floor
 * shrinks by 1 − 2·lr/κ ≈ 0.98 a step. The start is up one wall, (u, v) = (−3.5, 1.2) in the
 * floor's coordinates, so the zigzag is large enough to see. Momentum is the first run so that
 * its path is drawn over SGD's dense zigzag rather than under it.
 */
export const ravineMomentum: Preset = {
  id: 'ravine-momentum',
  title: 'Ravine: SGD zigzags, momentum runs down the valley',
  explanation:
    'The walls of this ravine curve a hundred times more steeply than its floor, and the walls cap plain SGD’s learning rate: above lr 1 it would fly out. At lr 0.995, just under that limit, every step throws it across the floor to the opposite wall, and each bounce is only 1% smaller than the last, so at the end of the run it is still zigzagging wall to wall, only a third of the way down the floor. Momentum is a heavy ball with a memory: the side-to-side pushes cancel out in its velocity while the steady pull along the floor adds up, so its few early swings die out and it runs along the valley floor to the bottom in about 60 steps.',
  tryThis:
    'Lower SGD’s learning rate to 0.5: the zigzag is gone at once, but the run now crawls along the floor even more slowly and ends about twice as far from the bottom, because the walls, not the floor, decide how big a step may be.',
  scenario: {
    version: 1,
    surface: { id: 'ravine', params: { condition_number: 100, angle: 30 } },
    start: [-3.63, -0.71],
    steps: 80,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 }, label: 'SGD + momentum {momentum}' },
      { optimizer: 'sgd', params: { lr: 0.995 }, label: 'SGD (lr {lr})' },
    ],
    view: { mode: '2d' },
  },
};
