import type { ParamValues } from '../../engine/params.ts';
import { pyFloat, pyInt } from './pyLiteral.ts';

/**
 * The catalog surfaces as Python functions of 0-d torch tensors x, y, with the scenario's
 * parameter values written in. Each body mirrors the formula in src/surfaces/catalog/ (same
 * operation order where it matters); torch's autograd supplies the gradient, so the exported
 * runs agree with the lab's exact derivatives to rounding.
 *
 * `logistic` needs its data: its body refers to X, Y (the dataset) and L2, which the dataset
 * preamble (see torchRuntime.ts) defines. Returns null for an id with no translation.
 */
export interface PythonSurface {
  /** Lines of the body of `def f(x, y):`. */
  body: string[];
  /** Needs the dataset preamble (logistic regression on data). */
  data?: { n: number; separation: number; dataSeed: number; batchSize: number; l2: number };
}

const num = (p: ParamValues, name: string) => pyFloat(p[name] as number);

export function catalogToPython(id: string, p: ParamValues): PythonSurface | null {
  switch (id) {
    case 'ravine':
      return {
        body: [
          `theta = ${num(p, 'angle')} * math.pi / 180`,
          'c, s = math.cos(theta), math.sin(theta)',
          'u = c * x + s * y',
          'v = -s * x + c * y',
          `return u * u / ${num(p, 'condition_number')} + v * v`,
        ],
      };
    case 'saddle':
      return {
        body: [`return x * x - ${num(p, 'downhill_curvature')} * y * y + ${num(p, 'wall')} * y**4`],
      };
    case 'monkey_saddle':
      return { body: [`return x**3 - 3 * x * y * y + ${num(p, 'wall')} * (x * x + y * y) ** 2`] };
    case 'plateau':
      return { body: [`return 1 - torch.exp(-(x * x + y * y) / ${num(p, 'width')} ** 2)`] };
    case 'sharp_flat':
      return {
        body: [
          `ds, ws, df, wf = ${num(p, 'sharp_depth')}, ${num(p, 'sharp_width')}, ${num(p, 'flat_depth')}, ${num(p, 'flat_width')}`,
          'sharp = ds * torch.exp(-0.5 * ((x + 1.5) ** 2 + y * y) / ws**2)',
          'flat = df * torch.exp(-0.5 * ((x - 1.5) ** 2 + y * y) / wf**2)',
          'return 0.05 * (x * x + y * y) - sharp - flat',
        ],
      };
    case 'local_minima':
      return {
        body: [
          `a, w, b = ${num(p, 'amplitude')}, ${num(p, 'frequency')}, ${num(p, 'bowl')}`,
          'return b * (x * x + y * y) + a * (1 - torch.cos(w * x) * torch.cos(w * y))',
        ],
      };
    case 'curved_valley':
      return {
        body: [
          `k, t, r = ${num(p, 'steepness')}, ${num(p, 'tilt')}, 2.0`,
          'return k * (x * x + y * y - r * r) ** 2 + t * (r + y)',
        ],
      };
    case 'rosenbrock':
      return { body: [`return (${num(p, 'a')} - x) ** 2 + ${num(p, 'b')} * (y - x * x) ** 2`] };
    case 'beale':
      return {
        body: [
          'return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2',
        ],
      };
    case 'booth':
      return { body: ['return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2'] };
    case 'matyas':
      return { body: ['return 0.26 * (x * x + y * y) - 0.48 * x * y'] };
    case 'himmelblau':
      return { body: ['return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2'] };
    case 'rastrigin':
      return {
        body: [
          `a = ${num(p, 'A')}`,
          'return 2 * a + x * x - a * torch.cos(2 * math.pi * x) + y * y - a * torch.cos(2 * math.pi * y)',
        ],
      };
    case 'ackley':
      return {
        body: [
          `a, b, c = ${num(p, 'a')}, ${num(p, 'b')}, ${num(p, 'c')}`,
          '# The cone at the origin has no gradient; autograd gives nan there (the lab uses 0).',
          'rho = torch.sqrt(x * x + y * y)',
          'return -a * torch.exp(-b / math.sqrt(2) * rho) - torch.exp(0.5 * (torch.cos(c * x) + torch.cos(c * y))) + a + math.e',
        ],
      };
    case 'six_hump_camel':
      return {
        body: ['return (4 - 2.1 * x * x + x**4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y'],
      };
    case 'three_hump_camel':
      return { body: ['return 2 * x * x - 1.05 * x**4 + x**6 / 6 + x * y + y * y'] };
    case 'goldstein_price':
      return {
        body: [
          'u, v = x + y + 1, 2 * x - 3 * y',
          'q = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y',
          's = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y',
          'return (1 + u * u * q) * (30 + v * v * s)',
        ],
      };
    case 'styblinski_tang':
      return { body: ['return 0.5 * (x**4 - 16 * x * x + 5 * x + y**4 - 16 * y * y + 5 * y)'] };
    case 'mccormick':
      return { body: ['return torch.sin(x + y) + (x - y) ** 2 - 1.5 * x + 2.5 * y + 1'] };
    case 'easom':
      return {
        body: [
          'return -torch.cos(x) * torch.cos(y) * torch.exp(-((x - math.pi) ** 2 + (y - math.pi) ** 2))',
        ],
      };
    case 'logistic':
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
    default:
      return null;
  }
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
