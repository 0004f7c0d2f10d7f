import type { Preset } from './preset.ts';

/** Schedule-Free AdamW's averaged point x settles like a decaying schedule, with none. */
export const scheduleFree: Preset = {
  id: 'schedule-free',
  title: 'Schedule-Free: the average does the annealing',
  explanation:
    'With noisy gradients and a constant learning rate, AdamW keeps jumping around the minimum. Schedule-Free AdamW takes its gradients at the solid path, which jumps about as much, but keeps a running average x of its fast sequence (the dashed path): x settles down like a run whose learning rate is annealed. AdamW with a cosine schedule settles too, but only because it was told the run is 500 steps long.',
  tryThis:
    'Make the run 1,000 steps: the cosine schedule reaches zero at step 500 and then climbs back up unless you also change its T_max, while Schedule-Free needs no change.',
  scenario: {
    version: 1,
    // Booth's function, typed, so the map frames the last few units around its minimum (1, 3).
    surface: { expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2', domain: [-4, 5, -2, 6] },
    start: [-3, -1],
    steps: 500,
    noise: { sigma: 10, seed: 3 },
    runs: [
      { optimizer: 'schedulefree_adamw', params: { lr: 0.1 }, label: 'Schedule-Free AdamW' },
      { optimizer: 'adamw', params: { lr: 0.1 }, label: 'AdamW, constant lr' },
      {
        optimizer: 'adamw',
        params: { lr: 0.1 },
        schedule: { name: 'CosineAnnealingLR', params: { T_max: 500 } },
        label: 'AdamW + cosine',
      },
    ],
    view: { mode: '2d' },
  },
};
