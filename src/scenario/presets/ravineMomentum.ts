import type { Preset } from './preset.ts';

/** SGD bounces between the walls of a narrow ravine; momentum averages the bounces away. */
export const ravineMomentum: Preset = {
  id: 'ravine-momentum',
  title: 'Ravine: SGD zigzags, momentum runs down the valley',
  explanation:
    'The walls of this ravine are a hundred times steeper than its floor, so plain SGD’s learning rate is capped by the walls: at lr 0.9 it bounces from wall to wall on every step while creeping along the floor. Momentum is a heavy ball with a memory: the side-to-side pushes cancel out in its velocity while the steady pull along the floor adds up, so it runs down the valley and ends far lower.',
  tryThis:
    'Lower SGD’s learning rate to 0.4: the zigzag stops, but the run crawls along the floor even more slowly, because the walls, not the floor, decide how big a step may be.',
  scenario: {
    version: 1,
    surface: { id: 'ravine', params: { condition_number: 100, angle: 30 } },
    steps: 120,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.9 }, label: 'SGD' },
      { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 }, label: 'SGD + momentum' },
    ],
    view: { mode: '2d' },
  },
};
