import type { ParamValues } from '../../engine/params.ts';
import { expressionValues } from '../../surfaces/catalog/analyticSurface.ts';
import { SURFACES } from '../../surfaces/catalog/index.ts';
import { parseSurfaceExpression } from '../../surfaces/expression/compileExpression.ts';
import { treeToPython } from './expressionToPython.ts';
import { pyFloat, pyInt } from './pyLiteral.ts';

/**
 * A catalog surface as a Python function of 0-d torch tensors x, y: an analytic surface's own
 * expression translated (the tree the lab compiles), after one line per parameter and constant
 * with the scenario's value. torch's autograd supplies the gradient, so the exported runs agree
 * with the lab's exact derivatives to rounding.
 *
 * `logistic` needs its data: its body refers to the dataset preamble (datasetPreamble below).
 * Returns null for an id with no translation.
 */
export interface PythonSurface {
  /** Lines of the body of `def f(x, y):`. */
  body: string[];
  /** Needs the dataset preamble (logistic regression on data). */
  data?: { n: number; separation: number; dataSeed: number; batchSize: number; l2: number };
}

export function catalogToPython(id: string, p: ParamValues): PythonSurface | null {
  const def = SURFACES[id];
  if (def?.expression) {
    const names = Object.entries(expressionValues(def, p));
    const tree = parseSurfaceExpression(
      def.expression.source,
      names.map(([name]) => name),
    );
    return {
      body: [
        ...names.map(([name, value]) => `${name} = ${pyFloat(value)}`),
        `return ${treeToPython(tree)}`,
      ],
    };
  }
  if (id !== 'logistic') return null;
  return {
    body: ['return batch_loss(x, y, None)'],
    data: {
      n: p.n_points as number,
      separation: p.separation as number,
      dataSeed: p.data_seed as number,
      batchSize: p.batch_size as number,
      l2: p.l2 as number,
    },
  };
}

/** Python lines that build the logistic surface's dataset and its mini-batch loss. */
export function datasetPreamble(d: NonNullable<PythonSurface['data']>): string[] {
  return [
    '# The dataset, drawn exactly as the lab draws it (src/surfaces/catalog/data/dataset.ts):',
    '# two Gaussian clouds with correlated features, labels +1 (even i) and -1 (odd i).',
    `N_POINTS, BATCH_SIZE, L2 = ${pyInt(d.n)}, ${pyInt(Math.min(d.batchSize, d.n))}, ${pyFloat(d.l2)}`,
    'def make_dataset(n, separation, data_seed):',
    '    rng = NormalStream(data_seed)',
    '    m = separation / 2 / math.sqrt(2)',
    '    rows, labels = [], []',
    '    for i in range(n):',
    '        yi = 1.0 if i % 2 == 0 else -1.0',
    '        z1, z2 = rng.normal(), rng.normal()',
    '        rows.append([yi * m + z1, yi * m + 0.8 * z1 + 0.6 * z2])',
    '        labels.append(yi)',
    '    return torch.tensor(rows), torch.tensor(labels)',
    '',
    `X, Y = make_dataset(N_POINTS, ${pyFloat(d.separation)}, ${pyInt(d.dataSeed)})`,
    '',
    '',
    'def batch_indices(t):',
    '    """Step t\'s mini-batch, as DataLoader(shuffle=True) draws it: a fresh permutation every',
    '    epoch (Fisher-Yates driven by NormalStream(mix_seed(SEED, epoch))), cut in order."""',
    '    per_epoch = -(-N_POINTS // BATCH_SIZE)',
    '    epoch, k = divmod(t, per_epoch)',
    '    order = list(range(N_POINTS))',
    '    rng = NormalStream(mix_seed(SEED, epoch))',
    '    for i in range(N_POINTS - 1, 0, -1):',
    '        j = math.floor(rng.uniform() * (i + 1))',
    '        order[i], order[j] = order[j], order[i]',
    '    return order[k * BATCH_SIZE:min(N_POINTS, (k + 1) * BATCH_SIZE)]',
    '',
    '',
    'def batch_loss(x, y, t):',
    '    """Mean logistic loss on step t\'s mini-batch (all examples when t is None) + (L2/2)|w|^2."""',
    '    idx = slice(None) if t is None else batch_indices(t)',
    '    z = -Y[idx] * (X[idx, 0] * x + X[idx, 1] * y)',
    '    return torch.logaddexp(torch.zeros_like(z), z).mean() + 0.5 * L2 * (x * x + y * y)',
  ];
}
