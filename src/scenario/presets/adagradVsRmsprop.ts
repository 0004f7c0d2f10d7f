import type { Preset } from './preset.ts';

/** Adagrad's squared-gradient sum only grows, so its steps die; RMSprop's average forgets. */
export const adagradVsRmsprop: Preset = {
  id: 'adagrad-vs-rmsprop',
  title: 'Adagrad’s dying learning rate vs RMSprop',
  explanation:
    'Both optimizers divide each weight’s step by the size of its past gradients, but Adagrad adds up every squared gradient it has ever seen, so the divisor only grows and its steps shrink towards zero: here it stalls barely a quarter of the way round the valley although it started with the larger learning rate. RMSprop keeps an exponential moving average instead, so old gradients fade and its steps stay the same size all the way down to the bottom.',
  tryThis:
    'Give Adagrad six times the learning rate, 0.3: it now makes it round the bend, but watch its step length: it keeps shrinking all the way, and on a longer valley it would stall again.',
  scenario: {
    version: 1,
    surface: { id: 'curved_valley' },
    steps: 300,
    runs: [
      { optimizer: 'adagrad', params: { lr: 0.05 }, label: 'Adagrad' },
      { optimizer: 'rmsprop', params: { lr: 0.02 }, label: 'RMSprop' },
    ],
  },
};
