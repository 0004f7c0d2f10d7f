import type { BooleanParam, ChoiceParam, NumberParam } from '../../engine/params.ts';
import { MODEL_LIMITS } from '../../scenario/modelScenario.ts';
import { LIMITS } from '../../scenario/scenario.ts';

/**
 * The network lab's settings described like parameters, so they get the same generated
 * controls (sliders, toggles, tooltips) as the optimizers'. Names are the scenario file's.
 */
const number = (
  name: string,
  label: string,
  help: string,
  min: number,
  max: number,
  extra: Partial<NumberParam> = {},
): NumberParam => ({ kind: 'number', name, label, help, default: min, min, max, ...extra });

export const DATASET_SPEC: ChoiceParam = {
  kind: 'choice',
  name: 'name',
  label: 'dataset',
  help: 'Two-dimensional points in classes, generated from the seed, with a held-out test split of the same size.',
  default: 'moons',
  choices: ['moons', 'circles', 'spirals', 'xor', 'blobs'],
};

export const DATA_SPECS: readonly NumberParam[] = [
  number(
    'n',
    'points',
    'How many training points (the test split has as many).',
    2,
    MODEL_LIMITS.maxPoints,
    {
      default: 200,
      integer: true,
      log: true,
      sliderMin: 20,
      sliderMax: 1000,
    },
  ),
  number('noise', 'noise', 'How far the points scatter from their class’s shape.', 0, 10, {
    default: 0.1,
    sliderMax: 0.5,
  }),
  number(
    'seed',
    'data seed',
    'Seeds the points: the same seed draws the same dataset.',
    0,
    LIMITS.maxSeed,
    {
      default: 1,
      integer: true,
      sliderMax: 100,
    },
  ),
];

export const CLASSES_SPEC = number(
  'classes',
  'classes',
  'How many clusters blobs draws.',
  2,
  MODEL_LIMITS.maxClasses,
  {
    default: 3,
    integer: true,
  },
);

export const ACTIVATION_SPEC: ChoiceParam = {
  kind: 'choice',
  name: 'activation',
  label: 'activation',
  help: 'σ after every hidden layer: torch.relu, torch.tanh or torch.sigmoid.',
  default: 'tanh',
  choices: ['tanh', 'relu', 'sigmoid'],
};

export const RESIDUAL_SPEC: BooleanParam = {
  kind: 'boolean',
  name: 'residual',
  label: 'skip connections',
  help: 'h ← h + σ(Wh + b) for each hidden layer as wide as the one before: skip connections smooth a deep network’s landscape.',
  default: false,
};

export const INIT_SEED_SPEC = number(
  'init',
  'init seed',
  'Seeds torch’s default nn.Linear initialisation: every run starts from these weights.',
  0,
  LIMITS.maxSeed,
  { default: 1, integer: true, sliderMax: 100 },
);

export const BATCH_SPEC = number(
  'batch_size',
  'batch size',
  'Examples per step, as DataLoader(batch_size=…): a batch as large as the data is full-batch gradient descent.',
  1,
  MODEL_LIMITS.maxPoints,
  { default: 32, integer: true, log: true, sliderMin: 1, sliderMax: 1000 },
);

export const SHUFFLE_SPEC: BooleanParam = {
  kind: 'boolean',
  name: 'shuffle',
  label: 'shuffle',
  help: 'A new order every epoch, drawn from the scenario’s seed; off, batches follow the data in order as DataLoader(shuffle=False) does.',
  default: false,
};

export const PLANE_SPEC: ChoiceParam = {
  kind: 'choice',
  name: 'plane',
  label: 'plane',
  help: 'Which plane through weight space the landscape is drawn on: two random filter-normalised directions (Li et al. 2018), the top two principal directions of the runs’ iterates, or the plane through three points (say the initial weights and two runs’ ends, to compare two solutions in one picture).',
  default: 'filter_normalized',
  choices: ['filter_normalized', 'pca', 'points'],
};

export const planeLabel = (c: string) =>
  c === 'filter_normalized'
    ? 'filter-normalised random'
    : c === 'pca'
      ? 'PCA of the paths'
      : c === 'points'
        ? 'through three points'
        : c;

export const SLICE_SPECS: readonly NumberParam[] = [
  number('span', 'span', 'The plane is drawn over [−span, span] in both directions.', 1e-6, 1e3, {
    default: 1,
    log: true,
    sliderMin: 0.05,
    sliderMax: 20,
  }),
  number(
    'resolution',
    'resolution',
    'Grid points per side: each one is a full pass over the training set.',
    3,
    MODEL_LIMITS.maxResolution,
    {
      default: 41,
      integer: true,
      sliderMin: 11,
      sliderMax: MODEL_LIMITS.maxResolution,
    },
  ),
  number(
    'seed',
    'plane seed',
    'Seeds the random directions of the filter-normalised plane.',
    0,
    LIMITS.maxSeed,
    {
      default: 1,
      integer: true,
      sliderMax: 100,
    },
  ),
];
