import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import type { Dataset } from '../../models/datasets.ts';
import { mlpLayers } from '../../models/mlp.ts';
import { EpochShuffle } from '../../surfaces/catalog/data/epochShuffle.ts';
import type { PartnerSpec } from '../../engine/partnerOptimizer.ts';
import type { ModelScenario } from '../modelScenario.ts';
import { muonPartner } from '../muonPartner.ts';
import type { ScenarioRun } from '../scenario.ts';
import { runLabel } from '../runLabel.ts';
import { buildModel } from '../runModelScenario.ts';
import {
  constructedOptimizer,
  optimizerDefinitions,
  optimizerOf,
  schedulerOf,
} from './optimizerToPython.ts';
import { pyComment, pyFloat, pyInt, pyString } from './pyLiteral.ts';
import { NETWORK_NEWTON, networkTrainingLoop, RESIDUAL } from './networkRuntime.ts';
import { NORMAL_STREAM } from './pythonRuntime.ts';

/**
 * "Copy as PyTorch" for a network scenario: a script that needs only torch. Everything the lab
 * draws from its own seeded generator is written out as numbers, because torch's generator would
 * draw different ones: the data (a generated dataset's points, from src/models/datasets.ts), the
 * initial weights (linearInit, loaded into model.parameters() in order) and, with shuffle, each
 * epoch's order of the examples (a Sampler over the lists). The model is an nn.Sequential of
 * nn.Linear and torch's activation modules, a residual layer a two-line nn.Module around its
 * block. Each run is torch's loop with the run's torch.optim constructor and scheduler (the same
 * lines the surface export writes), printing every step's mini-batch loss and the full training
 * loss after it, which equal `simulate`'s `batch_losses` and `full_losses`.
 */

const ACTIVATION_MODULES = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()', sigmoid: 'nn.Sigmoid()' };

/** Numbers as Python list items, `perLine` to a line, indented. */
function pyRows(items: readonly string[], perLine: number, indent = '    '): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += perLine)
    out.push(`${indent}${items.slice(i, i + perLine).join(', ')},`);
  return out;
}

/** `NAME_X = torch.tensor([[x₁, x₂], …])` and `NAME_Y = torch.tensor([c, …])`. */
function datasetLines(name: string, d: Dataset): string[] {
  const points = Array.from(
    { length: d.n },
    (_, i) => `[${pyFloat(d.x[2 * i])}, ${pyFloat(d.x[2 * i + 1])}]`,
  );
  return [
    `${name}_X = torch.tensor([`,
    ...pyRows(points, 3),
    '])',
    `${name}_Y = torch.tensor([`,
    ...pyRows(Array.from(d.y, String), 30),
    '])',
  ];
}

/** The nn.Sequential, one line per layer. */
function modelLines(s: ModelScenario, classes: number): string[] {
  const m = s.model;
  const act = ACTIVATION_MODULES[m.activation];
  const layers = mlpLayers(m, classes);
  const last = layers.length - 1;
  const lines = layers.map((l, i) => {
    const linear = `nn.Linear(${l.in}, ${l.out})`;
    if (i === last) return `        ${linear},`;
    // mlp.ts: a hidden layer after the first whose width equals the previous one.
    if (m.residual && i > 0 && l.in === l.out)
      return `        Residual(nn.Sequential(${linear}, ${act})),`;
    return `        ${linear}, ${act},`;
  });
  return ['def make_model():', '    model = nn.Sequential(', ...lines, '    )', ...LOAD_INIT];
}

const LOAD_INIT = [
  "    with torch.no_grad():  # the lab's init, in model.parameters() order",
  '        at = 0',
  '        for p in model.parameters():',
  '            p.copy_(INIT[at:at + p.numel()].reshape(p.shape))',
  '            at += p.numel()',
  '    return model',
];

/** Each epoch's order of the examples, for the epochs `steps` steps reach. */
function epochOrders(n: number, batchSize: number, seed: number, steps: number): string[] {
  const shuffle = new EpochShuffle(n, batchSize, seed);
  const epochs = Math.ceil(steps / shuffle.batchesPerEpoch);
  const out: string[] = ['EPOCH_ORDERS = ['];
  for (let e = 0; e < epochs; e++) {
    shuffle.select(e * shuffle.batchesPerEpoch);
    out.push('    [', ...pyRows(Array.from(shuffle.order, String), 30, '        '), '    ],');
  }
  out.push(']');
  return out;
}

function loaderLines(s: ModelScenario, n: number): string[] {
  const m = s.model;
  const size = Math.min(m.batch_size, n);
  const head = [
    `BATCH_SIZE = ${pyInt(size)}${size >= n ? '  # the whole training set: full-batch training' : ''}`,
    'dataset = torch.utils.data.TensorDataset(TRAIN_X, TRAIN_Y)',
  ];
  if (!m.shuffle || size >= n)
    return [...head, 'loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=False)'];
  return [
    ...head,
    '',
    "# shuffle=True, but with the lab's order: each epoch's permutation comes from the lab's",
    `# seeded generator (src/models/minibatches.ts, seed ${pyInt(s.noise.seed)}), which torch.Generator does not`,
    '# reproduce, so the orders are written out, one list per epoch the runs reach.',
    ...epochOrders(n, size, s.noise.seed, s.steps),
    '',
    '',
    'class EpochOrder(torch.utils.data.Sampler):',
    '    """Yields epoch e\'s order of the examples; train() calls set_epoch(e) before each epoch."""',
    '',
    '    def __init__(self, orders):',
    '        self.orders, self.epoch = orders, 0',
    '',
    '    def set_epoch(self, epoch):',
    '        self.epoch = epoch',
    '',
    '    def __iter__(self):',
    '        return iter(self.orders[self.epoch])',
    '',
    '    def __len__(self):',
    '        return len(self.orders[self.epoch])',
    '',
    '',
    'loader = DataLoader(dataset, batch_size=BATCH_SIZE, sampler=EpochOrder(EPOCH_ORDERS))',
  ];
}

/**
 * Muon and its AdamW (muonPartner.ts): Muon on the hidden-to-hidden weights, AdamW on the rest,
 * each with its own scheduler of the run's schedule (its own lr), as Keller Jordan's recipe.
 */
function partnerLines(
  run: ScenarioRun,
  partner: PartnerSpec,
  steps: number,
  muon: readonly string[],
): string[] {
  const adamw: ScenarioRun = { ...run, optimizer: 'adamw', params: partner.params };
  return [
    "# Keller Jordan's recipe: Muon on the hidden-to-hidden weight matrices; AdamW (torch's",
    '# defaults, lr = adamw_lr) on the first layer, the output head and every bias.',
    'linears = [m for m in model.modules() if isinstance(m, nn.Linear)]',
    'muon_params = [lin.weight for lin in linears[1:-1]]',
    'adamw_params = [p for p in model.parameters() if all(p is not q for q in muon_params)]',
    ...muon,
    ...schedulerOf(run, steps),
    ...optimizerOf(adamw, 'adamw_params', 'adamw').lines,
    ...schedulerOf(adamw, steps, 'adamw', 'adamw_scheduler'),
  ];
}

export function exportTorchModel(s: ModelScenario): string {
  const m = s.model;
  const { train, test, init } = buildModel(m, s.noise.seed);
  const optimizers = new Set(s.runs.map(constructedOptimizer));
  const data =
    'points' in m.data
      ? `${train.n} given points, ${train.classes} classes`
      : `${m.data.name}, ${m.data.n} points (seed ${m.data.seed}, noise ${m.data.noise}), ${train.classes} classes, and a test set of as many`;
  const out: string[] = [
    '"""Loss Landscape Lab network scenario as a PyTorch script (generated; torch >= 1.13).',
    '',
    `Data: ${pyComment(data)}.`,
    `Model: ${m.hidden.length ? `hidden layers ${m.hidden.join(', ')}` : 'no hidden layer'} (${m.activation}${m.residual ? ', residual' : ''}), CrossEntropyLoss.`,
    `${s.runs.length} run(s) of ${s.steps} steps, each torch's training loop from the same initial weights,`,
    "printing each step's mini-batch loss and the full training loss after the step.",
    'Float64 throughout, as in the lab.',
    '"""',
    'import math',
    '',
    'import torch',
    'from torch import nn',
    'from torch.utils.data import DataLoader',
    '',
    'torch.set_default_dtype(torch.float64)',
    '',
    `STEPS = ${pyInt(s.steps)}`,
    `SIGMA = ${pyFloat(s.noise.sigma)}  # gradient noise: g + SIGMA * N(0, 1) on every weight`,
    `SEED = ${pyInt(s.noise.seed)}  # seeds the noise`,
    '',
    `# The data${'points' in m.data ? '' : ', drawn by the lab (src/models/datasets.ts) and written out'}.`,
    ...datasetLines('TRAIN', train),
    ...(test ? datasetLines('TEST', test) : []),
    '',
    "# The initial weights (the lab's nn.Linear init from its own generator), flat in",
    '# model.parameters() order: each weight [out, in] row-major, then its bias.',
    'INIT = torch.tensor([',
    ...pyRows(Array.from(init, pyFloat), 4),
    '])',
    '',
  ];
  if (m.residual) out.push('', ...RESIDUAL, '');
  out.push('', ...modelLines(s, train.classes), '', '', ...loaderLines(s, train.n), '');
  if (s.noise.sigma > 0) out.push('', ...NORMAL_STREAM, '');
  out.push(...optimizerDefinitions(optimizers));
  if (optimizers.has('newton')) out.push('', ...NETWORK_NEWTON, '');
  out.push(
    '',
    ...networkTrainingLoop(m.shuffle && m.batch_size < train.n, !!test),
    '',
    '',
    'results = []',
  );

  s.runs.forEach((run, i) => {
    const label = runLabel(run);
    const def = OPTIMIZERS[run.optimizer];
    const partner = muonPartner(run, m.hidden);
    const { lines, extra } = optimizerOf(run, partner ? 'muon_params' : 'model.parameters()');
    const sweep = run.schedule?.name === 'LRRangeTest' ? run.schedule.params.num_iter : null;
    if (typeof sweep === 'number' && sweep < s.steps) extra.push(`steps=${pyInt(sweep)}`);
    out.push(
      '',
      `# Run ${i + 1}: ${pyComment(label)} (${pyComment(def.reference)})${run.visible ? '' : ' [hidden in the lab]'}`,
      'model = make_model()',
      ...(partner
        ? partnerLines(run, partner, s.steps, lines)
        : [...lines, ...schedulerOf(run, s.steps)]),
      `results.append(train(${[pyString(label), 'model', partner ? '[optimizer, adamw]' : 'optimizer', partner ? '[scheduler, adamw_scheduler]' : 'scheduler', ...extra].join(', ')}))`,
    );
  });
  out.push('');
  return out.join('\n');
}
