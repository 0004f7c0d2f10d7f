import type { Preset } from './preset.ts';

/** With noisy gradients a constant lr keeps rattling; cosine annealing lets the run settle. */
export const cosineAnnealing: Preset = {
  id: 'cosine-annealing',
  title: 'Cosine annealing: settling into the basin',
  explanation:
    'The gradients here are noisy, like mini-batch gradients. With a constant learning rate SGD finds the basin quickly but never settles: every noisy step kicks it around the bottom, and the size of the kicks is set by the learning rate. Cosine annealing starts at the same learning rate and smoothly lowers it to zero, so the early steps explore at full size and the late steps shrink, letting the run settle close to the minimum at (3, 2). The rattle is small on this map: watch the loss and distance plots, where the constant run keeps jumping up and down to the end and the annealed one sinks, or zoom into the minimum.',
  tryThis:
    'Raise the noise σ to 6: the constant run rattles around the bottom much more widely, while the annealed one still settles close to it.',
  scenario: {
    version: 1,
    surface: { id: 'himmelblau' },
    steps: 200,
    noise: { sigma: 3, seed: 7 },
    runs: [
      { optimizer: 'sgd', params: { lr: 0.02 }, label: 'Constant lr' },
      {
        optimizer: 'sgd',
        params: { lr: 0.02 },
        schedule: { name: 'CosineAnnealingLR' },
        label: 'Cosine annealing',
      },
    ],
  },
};
