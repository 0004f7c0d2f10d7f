/**
 * Network scenarios whose "Copy as PyTorch" scripts scripts/make_torch_export_network.ts runs
 * under torch (tests/fixtures/torch_export_network.json): every kind of step the network
 * script's loop takes (plain, closure, SAM's two gradients, Newton's Hessian), schedules through
 * torch's classes and LambdaLR, gradient noise, batches in order, shuffled and full.
 */
export const EXPORT_NETWORK_CASES: { name: string; scenario: unknown }[] = [
  {
    name: 'moons tanh, SGD with momentum, batches of 32 in order',
    scenario: {
      model: { data: { name: 'moons', n: 100, seed: 1 }, hidden: [8, 8] },
      steps: 200,
      runs: [{ optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 } }],
    },
  },
  {
    name: 'circles relu residual, Adam with OneCycleLR, gradient noise',
    scenario: {
      model: {
        data: { name: 'circles', n: 80, noise: 0.05, seed: 2 },
        hidden: [8, 8, 8],
        activation: 'relu',
        residual: true,
        batch_size: 20,
      },
      steps: 150,
      noise: { sigma: 0.01, seed: 5 },
      runs: [
        {
          optimizer: 'adam',
          params: { lr: 0.01 },
          schedule: { name: 'OneCycleLR', params: { max_lr: 0.02 } },
        },
      ],
    },
  },
  {
    name: 'blobs sigmoid, shuffled batches of 16: AdamW with StepLR, RMSprop with WarmupCosine',
    scenario: {
      model: {
        data: { name: 'blobs', n: 90, noise: 0.5, seed: 4, classes: 3 },
        hidden: [6],
        activation: 'sigmoid',
        batch_size: 16,
        shuffle: true,
        init: { seed: 7 },
      },
      steps: 200,
      noise: { sigma: 0, seed: 11 },
      runs: [
        {
          optimizer: 'adamw',
          params: { lr: 0.02, weight_decay: 0.05 },
          schedule: { name: 'StepLR', params: { step_size: 50, gamma: 0.5 } },
        },
        {
          optimizer: 'rmsprop',
          params: { lr: 0.01, momentum: 0.5 },
          schedule: { name: 'WarmupCosine', params: { warmup_steps: 20 } },
        },
      ],
    },
  },
  {
    name: 'xor tanh, full batch: SAM over SGD, Lion, Newton, the LR range test',
    scenario: {
      model: { data: { name: 'xor', n: 40, noise: 0.05, seed: 3 }, hidden: [5], batch_size: 40 },
      steps: 40,
      runs: [
        { optimizer: 'sam', params: { base: 'sgd', rho: 0.05, lr: 0.3, momentum: 0.9 } },
        { optimizer: 'lion', params: { lr: 0.003, weight_decay: 0.1 } },
        { optimizer: 'newton', params: { lr: 0.5, damping: 1 } },
        {
          optimizer: 'sgd',
          params: { lr: 0.01 },
          schedule: { name: 'LRRangeTest', params: { start_lr: 0.001, end_lr: 10, num_iter: 30 } },
        },
      ],
    },
  },
  {
    // Few steps: on a network LBFGS's curvature pairs amplify rounding about tenfold every four
    // steps once the loss is small, so past ~20 steps torch and the lab part at 1e-9.
    name: 'moons tanh, full batch: LBFGS',
    scenario: {
      model: { data: { name: 'moons', n: 100, noise: 0.3, seed: 3 }, hidden: [4], batch_size: 100 },
      steps: 15,
      runs: [{ optimizer: 'lbfgs', params: { lr: 0.2, max_iter: 4, history_size: 5 } }],
    },
  },
  {
    name: 'spirals tanh, Muon on the hidden matrices with AdamW on the rest, CosineAnnealingLR',
    scenario: {
      model: {
        data: { name: 'spirals', n: 100, noise: 0.05, seed: 7 },
        hidden: [10, 10, 10],
        batch_size: 25,
        shuffle: true,
      },
      steps: 220,
      runs: [
        {
          optimizer: 'muon',
          params: { lr: 0.02, adamw_lr: 0.003 },
          schedule: { name: 'CosineAnnealingLR', params: { eta_min: 0.001 } },
        },
        {
          optimizer: 'muon',
          params: { lr: 0.05, adjust_lr_fn: 'match_rms_adamw', nesterov: false, adamw_lr: 0.01 },
          schedule: { name: 'WarmupCosine', params: { warmup_steps: 20 } },
        },
      ],
    },
  },
];
