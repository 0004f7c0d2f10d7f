import type { Preset } from './preset.ts';

/** A saddle whose way down is nearly flat: gradient descent lingers, momentum rolls off. */
export const saddleMomentum: Preset = {
  id: 'saddle-momentum',
  title: 'Saddle point: momentum carries you past it',
  explanation:
    'Both runs start on the ridge of a saddle: uphill to the left and right, gently downhill to the front and back. Plain gradient descent slides into the flat centre and stalls there, because the slope that leads off the saddle is almost zero, so its steps are almost zero too. Momentum keeps the speed it built on the way in and accumulates the faint downhill pull, so it rolls off the saddle and into a valley while plain descent is still waiting.',
  tryThis:
    'Double plain gradient descent’s learning rate to 0.2: it still lingers on the saddle for well over a hundred steps before it finally falls off.',
  scenario: {
    version: 1,
    surface: { id: 'saddle', params: { downhill_curvature: 0.1, wall: 0.05 } },
    steps: 200,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 }, label: 'Gradient descent' },
      { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 }, label: 'SGD + momentum' },
    ],
  },
};
