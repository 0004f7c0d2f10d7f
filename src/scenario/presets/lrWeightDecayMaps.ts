import type { Preset } from './preset.ts';
import { UNUSED_WEIGHT } from './unusedWeight.ts';

/**
 * The lr × weight-decay map of Adam + L2 and of AdamW on the weight-decay lessons' landscape
 * (the loss uses x only): the same two runs and the same map axes, each lesson mapping one of
 * them, and a third maps both side by side (a grid2 over every run).
 */
const runs = [
  {
    optimizer: 'adam',
    params: { lr: 0.1, weight_decay: 0.1 },
    label: 'Adam + L2 (λ {weight_decay})',
  },
  { optimizer: 'adamw', params: { lr: 0.1, weight_decay: 0.1 }, label: 'AdamW (λ {weight_decay})' },
];
const mapOf = (run: number | null) => ({
  kind: 'grid2',
  run,
  params: ['lr', 'weight_decay'],
  ranges: [
    [1e-3, 1, 'log'],
    [1e-3, 1, 'log'],
  ],
  resolution: [24, 24],
});

export const lrWeightDecayMapAdamL2: Preset = {
  id: 'lr-weight-decay-map-adam-l2',
  title: 'Adam + L2: the lr × weight-decay map has level bands',
  explanation:
    'The map under the view is the final loss of the Adam + L2 run for every learning rate (across) and weight decay (up) after 300 steps. Left of lr ≈ 0.01 the run has not arrived; from lr ≈ 0.1 on, the colour depends on λ alone, in level bands: the L2 penalty is added to the gradient and normalised with it, so the run settles at the minimum of f + λ/2·x², wherever the lr is. Open “AdamW: the lr × weight-decay map tilts” for the same map of AdamW.',
  tryThis:
    'Click a cell in the top-right corner (lr 1, λ 1): the run still settles at the L2 optimum x = 8/(4 + λ), a final loss of 0.32, however large the step.',
  scenario: { ...UNUSED_WEIGHT, runs, sweep: mapOf(0) },
};

export const lrWeightDecayMapAdamw: Preset = {
  id: 'lr-weight-decay-map-adamw',
  title: 'AdamW: the lr × weight-decay map tilts',
  explanation:
    'The same map for the AdamW run: its decay shrinks the weights by lr·λ each step outside the normalised gradient, so where the run ends depends on lr and λ together, and the bands of equal loss tilt across the map instead of lying level as Adam + L2’s do. Tuning λ at one lr and then changing the lr moves you off your band: with AdamW the two are tuned together.',
  tryThis:
    'Click along one band of equal colour (say from lr 0.03 up to lr 1): the final loss stays the same while λ grows with the lr; with Adam + L2 the same band would be a level line.',
  scenario: { ...UNUSED_WEIGHT, runs, sweep: mapOf(1) },
};

export const lrWeightDecayMapsSideBySide: Preset = {
  id: 'lr-weight-decay-maps-side-by-side',
  title: 'Adam + L2 vs AdamW: the two lr × weight-decay maps side by side',
  explanation:
    'One sweep over both runs: the final loss after 300 steps for every learning rate (across) and weight decay (up), a map per run. Adam + L2’s bands lie level from lr ≈ 0.1 on: its penalty is normalised with the gradient, so λ alone decides where it settles. AdamW’s tilt: its decay shrinks the weights by lr·λ each step, outside the normalised gradient, so the lr and λ decide it together and must be tuned together (“double the lr, halve the decay”).',
  tryThis:
    'Read one row of each map at λ 0.1: Adam + L2’s colour stops changing past lr 0.1, AdamW’s keeps falling to lr 1. Click a cell on either map to set that run’s lr and λ.',
  scenario: { ...UNUSED_WEIGHT, runs, sweep: mapOf(null) },
};
