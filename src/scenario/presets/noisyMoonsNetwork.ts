/**
 * The network most network lessons train: two noisy moons and a 16-16 tanh MLP (the lab's
 * default network on harder data), so a learner meets one model and sees each lesson change
 * one thing about how it is trained.
 */
export const NOISY_MOONS_NETWORK = {
  data: { name: 'moons', n: 200, noise: 0.2, seed: 1 },
  hidden: [16, 16],
  activation: 'tanh',
} as const;
