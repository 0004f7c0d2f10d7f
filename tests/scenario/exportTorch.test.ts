import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import { specsOf } from '../../src/engine/validateParams.ts';
import { exportTorch, runStartOf } from '../../src/scenario/exportTorch.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS } from '../../src/scenario/presets/index.ts';
import { buildSurface, runStart } from '../../src/scenario/runScenario.ts';
import { expressionToPython } from '../../src/scenario/torchExport/expressionToPython.ts';
import { pyFloat, pyValue } from '../../src/scenario/torchExport/pyLiteral.ts';
import { SURFACE_LIST } from '../../src/surfaces/catalog/index.ts';
import { Rng, randomScenario } from './randomScenario.ts';

/**
 * The generated Python's structure. Running it under torch needs torch, which CI may lack:
 * `npx tsx scripts/check_torch_export.ts` does that by hand (every preset matches the engine
 * to 1e-6). These checks need no Python.
 */
const scenario = (json: Record<string, unknown>) =>
  parseScenario({ surface: { id: 'ravine' }, steps: 50, ...json });
const code = (json: Record<string, unknown>) => exportTorch(scenario(json));
const line = (text: string, start: string) => text.split('\n').filter((l) => l.startsWith(start));

describe('pyFloat', () => {
  it('writes floats exactly as Python’s repr does', () => {
    // Reference: /usr/bin/python3 -c "print(repr(v))" for each value.
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [1e-7, '1e-07'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123456789012345680, '1.2345678901234568e+17'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1, '1.0'],
      [100, '100.0'],
      [1e21, '1e+21'],
      [2.5e-5, '2.5e-05'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1 / 3, '0.3333333333333333'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-0, '-0.0'],
      [-1.5, '-1.5'],
      [12345.678, '12345.678'],
      [1234567890123456.8, '1234567890123456.8'],
      [0.000123, '0.000123'],
    ];
    for (const [v, py] of cases) expect(pyFloat(v)).toBe(py);
  });

  it('writes tuples, lists, booleans and None as Python does', () => {
    expect(pyValue([0.9, 0.999], false, true)).toBe('(0.9, 0.999)');
    expect(pyValue([100, 200], true)).toBe('[100, 200]');
    expect(pyValue(true)).toBe('True');
    expect(pyValue(null)).toBe('None');
    expect(pyValue('cos')).toBe('"cos"');
  });
});

describe('exportTorch', () => {
  it('constructs each torch optimizer with lr and every non-default parameter', () => {
    const text = code({
      runs: [
        { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9, nesterov: true } },
        { optimizer: 'adam', params: { lr: 3e-4, betas: [0.9, 0.95], amsgrad: true } },
        { optimizer: 'adamw', params: { lr: 1e-3, weight_decay: 0.1, eps: 1e-6 } },
        { optimizer: 'rmsprop', params: { alpha: 0.9, centered: true } },
        { optimizer: 'adagrad' },
      ],
    });
    expect(line(text, 'optimizer = ')).toEqual([
      'optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)',
      'optimizer = torch.optim.Adam([w], lr=0.0003, betas=(0.9, 0.95), amsgrad=True)',
      'optimizer = torch.optim.AdamW([w], lr=0.001, eps=1e-06, weight_decay=0.1)',
      'optimizer = torch.optim.RMSprop([w], lr=0.01, alpha=0.9, centered=True)',
      'optimizer = torch.optim.Adagrad([w], lr=0.01)',
    ]);
  });

  it('names exactly the non-default parameters, for 100 random scenarios', () => {
    const rng = new Rng(99);
    for (let i = 0; i < 100; i++) {
      const s = randomScenario(rng);
      const ctors = line(exportTorch(s), 'optimizer = ');
      s.runs.forEach((run, r) => {
        const specs = specsOf(OPTIMIZERS[run.optimizer], run.params).filter(
          // adamw_lr is the AdamW's beside Muon on a network: never a Muon argument.
          (p) => p.name !== 'rho' && p.name !== 'base' && p.name !== 'adamw_lr',
        );
        for (const spec of specs) {
          const v = run.params[spec.name];
          const isDefault = JSON.stringify(v) === JSON.stringify(spec.default);
          // A package may spell a keyword its own way (timm's trust_coeff).
          const kw = OPTIMIZERS[run.optimizer].package?.keywords?.[spec.name] ?? spec.name;
          const named = ctors[r].includes(` ${kw}=`) || ctors[r].includes(`(${kw}=`);
          expect(named, `${run.optimizer}.${spec.name} in ${ctors[r]}`).toBe(
            spec.name === 'lr' || !isDefault,
          );
        }
      });
    }
  });

  it('writes torch schedulers with their required arguments, and ours as LambdaLR', () => {
    const text = code({
      runs: [
        { optimizer: 'sgd', params: { lr: 0.1 }, schedule: { name: 'StepLR' } },
        {
          optimizer: 'sgd',
          params: { lr: 0.1, momentum: 0.9 },
          schedule: { name: 'OneCycleLR', params: { max_lr: 0.5 } },
        },
        {
          optimizer: 'sgd',
          params: { lr: 0.1 },
          schedule: { name: 'CosineAnnealingLR', params: { eta_min: 1e-4 } },
        },
        {
          optimizer: 'sgd',
          params: { lr: 0.1 },
          schedule: { name: 'MultiStepLR', params: { milestones: [10, 30], gamma: 0.5 } },
        },
        {
          optimizer: 'sgd',
          params: { lr: 0.1 },
          schedule: { name: 'WarmupCosine', params: { warmup_steps: 5 } },
        },
        {
          optimizer: 'sgd',
          params: { lr: 0.1 },
          schedule: { name: 'LRRangeTest', params: { start_lr: 1e-6, end_lr: 1 } },
        },
      ],
    });
    expect(line(text, 'scheduler = ')).toEqual([
      'scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=100)',
      'scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.5, total_steps=50)',
      'scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=50, eta_min=0.0001)',
      'scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[10, 30], gamma=0.5)',
      'scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine)',
      'scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (1.0 / 1e-06) ** (min(t, 49) / 49))',
    ]);
    expect(text).toContain('def warmup_cosine(t, w=5, total=50, lr=0.1, min_lr=0.0):');
    // The range test replaces the optimizer's lr with start_lr, as the lab does.
    expect(line(text, 'optimizer = ')[5]).toBe('optimizer = torch.optim.SGD([w], lr=1e-06)');
  });

  it('brings its own Lion and Newton, and runs SAM around its base optimizer', () => {
    const text = code({
      runs: [
        { optimizer: 'lion', params: { lr: 0.01 } },
        { optimizer: 'newton', params: { damping: 1 } },
        { optimizer: 'sam', params: { rho: 0.1, base: 'adam', lr: 0.01 } },
      ],
    });
    expect(text).toContain('class Lion(torch.optim.Optimizer):');
    expect(text).toContain('class Newton(torch.optim.Optimizer):');
    expect(line(text, 'optimizer = ')).toEqual([
      'optimizer = Lion([w], lr=0.01)',
      'optimizer = Newton([w], lr=1.0, damping=1.0)',
      'optimizer = torch.optim.Adam([w], lr=0.01)',
    ]);
    expect(line(text, 'results.append(')[2]).toBe(
      'results.append(train("SAM over Adam (lr 0.01, ρ 0.1)", w, optimizer, scheduler, rho=0.1))',
    );
    expect(code({ runs: [{ optimizer: 'sgd' }] })).not.toContain('class Lion');
  });

  it('starts each run where the lab does', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 100; i++) {
      const s = randomScenario(rng);
      const built = buildSurface(s.surface, s.noise.seed);
      const starts = line(exportTorch(s), 'w = torch.tensor(');
      s.runs.forEach((run, r) => {
        const [x, y] = runStart(s, run, built);
        expect(runStartOf(s, run)).toEqual([x, y]);
        // Matrix-only optimizers (Muon) take the two weights as one 1 × 2 matrix.
        const xy = `[${pyFloat(x)}, ${pyFloat(y)}]`;
        expect(starts[r]).toBe(
          OPTIMIZERS[run.optimizer].matrices
            ? `w = torch.tensor([${xy}], requires_grad=True)  # Muon takes matrices: a 1 x 2 weight`
            : `w = torch.tensor(${xy}, requires_grad=True)`,
        );
      });
    }
  });

  it('writes every catalog surface as a torch function', () => {
    for (const def of SURFACE_LIST) {
      const text = exportTorch(
        parseScenario({ surface: { id: def.id }, runs: [{ optimizer: 'sgd' }] }),
      );
      const body = text.slice(text.indexOf('def f(x, y):'));
      expect(body, def.id).toMatch(/^def f\(x, y\):\n {4}""".*"""\n( {4}.*\n)*? {4}return /);
      expect(body).not.toContain('NotImplementedError');
    }
  });

  it('writes the scenario’s surface parameters, noise and steps into the script', () => {
    const text = exportTorch(
      parseScenario({
        surface: { id: 'rosenbrock', params: { b: 50 } },
        steps: 123,
        noise: { sigma: 0.25, seed: 9 },
        runs: [{ optimizer: 'sgd' }],
      }),
    );
    // The catalog surface's own expression, its parameters as Python variables.
    expect(text).toContain(
      '    a = 1.0\n    b = 50.0\n    return (((a - x) ** 2.0) + (b * ((y - (x ** 2.0)) ** 2.0)))',
    );
    expect(text).toContain('STEPS = 123');
    expect(text).toContain('SIGMA = 0.25');
    expect(text).toContain('SEED = 9');
    expect(text).toContain('class NormalStream:');
  });

  it('translates a typed expression from its parse tree', () => {
    expect(expressionToPython('(1-x)^2 + 100*(y-x^2)^2')).toBe(
      '(((1.0 - x) ** 2.0) + (100.0 * ((y - (x ** 2.0)) ** 2.0)))',
    );
    expect(expressionToPython('sin(x)*exp(-y^2) + log(1 + x^2, 10) - pi')).toBe(
      '(((torch.sin(x) * torch.exp((-(y ** 2.0)))) + (torch.log((1.0 + (x ** 2.0))) / torch.log(_t(10.0)))) - math.pi)',
    );
    // Constants where Python floats would differ from the lab become tensors.
    expect(expressionToPython('x + 1/0 + (-8)^(1/3) + sqrt(2)')).toBe(
      '(((x + (_t(1.0) / 0.0)) + (_t((-8.0)) ** (_t(1.0) / 3.0))) + torch.sqrt(_t(2.0)))',
    );
    const text = exportTorch(
      parseScenario({ surface: { expression: 'x^2 + 3*y^2' }, runs: [{ optimizer: 'sgd' }] }),
    );
    expect(text).toContain('    return ((x ** 2.0) + (3.0 * (y ** 2.0)))');
  });

  it('keeps labels from a link inside string literals: they cannot inject code', () => {
    const evil = 'x"""\nimport os\nos.system("rm")\n#';
    const text = code({ runs: [{ optimizer: 'sgd', label: evil }] });
    expect(line(text, 'import os')).toEqual([]);
    expect(line(text, 'os.system')).toEqual([]);
    expect(text).toContain(`train(${JSON.stringify(evil)}, w, optimizer, scheduler)`);
    for (const l of text.split('\n'))
      if (l.includes('os.system'))
        expect(l.startsWith('# Run 1: ') || l.startsWith('results.append(train("')).toBe(true);
  });

  it('exports every preset with one block per run', () => {
    for (const p of PRESETS) {
      const s = parseScenario(p.scenario);
      const text = exportTorch(s);
      expect(line(text, '# Run ')).toHaveLength(s.runs.length);
      expect(line(text, 'results.append(train(')).toHaveLength(s.runs.length);
      expect(text).toContain(`STEPS = ${s.steps}`);
    }
  });
});
