import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ParamSpec, ParamValues } from '../engine/params.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { sameValue, specsOf } from '../engine/validateParams.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import type { Scenario, ScenarioRun } from './scenario.ts';
import {
  catalogToPython,
  datasetPreamble,
  type PythonSurface,
} from './torchExport/catalogToPython.ts';
import { runLabel } from './runLabel.ts';
import { surfaceStart } from './runScenario.ts';
import { expressionToPython } from './torchExport/expressionToPython.ts';
import { pyComment, pyFloat, pyInt, pyString, pyValue } from './torchExport/pyLiteral.ts';
import {
  LION,
  MIX_SEED,
  NEWTON,
  NORMAL_STREAM,
  trainingLoop,
} from './torchExport/pythonRuntime.ts';

/**
 * "Copy as PyTorch": a runnable Python script that reproduces a scenario's runs with
 * torch.optim and torch.optim.lr_scheduler, in float64, on the same surface (written as a
 * torch function; autograd gives the gradient) and with the same seeded noise and mini-batches.
 *
 * Decisions: every torch constructor gets lr plus each parameter that differs from torch's
 * default (our defaults are torch's), and the arguments torch requires (StepLR's step_size…).
 * Lion and damped Newton, which torch.optim lacks, come as short Optimizer classes; SAM as the
 * two gradient evaluations inside the training loop around its base torch optimizer;
 * WarmupCosine and the LR range test as LambdaLR with the exact factor. Every catalog surface has
 * a Python translation; a typed expression is translated from its parse tree, and should that
 * ever fail the script says so in a stub `def f` that raises.
 */

/** The start a run uses: its own, else the scenario's, else the surface's. */
export function runStartOf(s: Scenario, run: ScenarioRun): readonly [number, number] {
  return run.start ?? s.start ?? surfaceStart(s.surface);
}

/** `name=value` for each parameter that differs from its default (always lr; `always` too). */
function kwargs(
  specs: readonly ParamSpec[],
  values: ParamValues,
  always: readonly string[] = [],
  rename: Readonly<Record<string, string>> = {},
): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    if (!Object.hasOwn(values, spec.name)) continue;
    const v = values[spec.name];
    if (sameValue(v, spec.default) && spec.name !== 'lr' && !always.includes(spec.name)) continue;
    const integer = spec.kind === 'number' || spec.kind === 'list' ? !!spec.integer : false;
    out.push(`${rename[spec.name] ?? spec.name}=${pyValue(v, integer, spec.kind === 'tuple')}`);
  }
  return out;
}

/** Optimizers torch.optim lacks that the script defines itself (the rest are torch's or a package's). */
const SCRIPT_CLASSES: Readonly<Record<string, string>> = { lion: 'Lion', newton: 'Newton' };

/** The Python class a run's optimizer is constructed from. */
function pythonClass(id: string): string {
  const def = OPTIMIZERS[id];
  if (def.package) return def.package.className;
  if (SCRIPT_CLASSES[id]) return SCRIPT_CLASSES[id];
  return def.reference;
}

/** What a reader of the script needs to know about torch versions, per optimizer. */
const VERSION_NOTES: Readonly<Record<string, string>> = {
  adafactor: 'torch.optim.Adafactor needs torch >= 2.5.',
  muon: 'torch.optim.Muon needs torch >= 2.9; it runs Newton-Schulz in bfloat16, the lab in float64, so expect differences around 1e-2.',
  lbfgs: 'LBFGS evaluates the loss several times per step: optimizer.step(closure) below.',
};

/** The arguments torch's scheduler classes require (no default in torch). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  StepLR: ['step_size'],
  MultiStepLR: ['milestones'],
  ExponentialLR: ['gamma'],
  CosineAnnealingLR: ['T_max'],
  CosineAnnealingWarmRestarts: ['T_0'],
  OneCycleLR: ['max_lr', 'total_steps'],
};

/** The optimizer constructor line(s) and train() keyword arguments of one run. */
function optimizerOf(run: ScenarioRun): { lines: string[]; extra: string[] } {
  const def = OPTIMIZERS[run.optimizer];
  let id = run.optimizer;
  let specs = specsOf(def, run.params);
  const extra: string[] = [];
  const lines: string[] = [];
  const params: ParamValues = { ...run.params };
  if (id === 'sam') {
    // The base optimizer takes the step; SAM only changes the gradient it is given.
    id = params.base as string;
    extra.push(`rho=${pyFloat(params.rho as number)}`);
    specs = specs.filter((s) => s.name !== 'rho' && s.name !== 'base');
    lines.push(
      `# SAM (Foret et al. 2021): the ${pyComment(id)} step below uses the gradient at w + rho * g / |g|.`,
    );
  }
  if (run.schedule?.name === 'LRRangeTest') params.lr = run.schedule.params.start_lr;
  if (id === 'nadam')
    lines.push(
      '# torch < 2.0 computes NAdam with a slightly different mu_product; the lab follows torch >= 2.0.',
    );
  const note = VERSION_NOTES[id];
  if (note) lines.push(`# ${note}`);
  const pkg = OPTIMIZERS[id].package;
  const args = ['[w]', ...kwargs(specs, params, [], pkg?.keywords), ...(pkg?.extraArgs ?? [])];
  lines.push(`optimizer = ${pythonClass(id)}(${args.join(', ')})`);
  if (pkg?.afterConstruct) lines.push(pkg.afterConstruct);
  return { lines, extra };
}

function schedulerOf(s: Scenario, run: ScenarioRun): string[] {
  const sched = run.schedule;
  if (!sched) return ['scheduler = None'];
  const p = sched.params;
  const steps = (v: unknown) => (v === null ? s.steps : (v as number));
  if (sched.name === 'WarmupCosine') {
    const w = pyInt(p.warmup_steps as number);
    const total = pyInt(steps(p.total_steps));
    const base = pyFloat(run.params.lr as number);
    const min = pyFloat(p.min_lr as number);
    return [
      `# Linear warmup from 0 over ${w} steps, then a cosine from lr to min_lr until step ${total}.`,
      `def warmup_cosine(t, w=${w}, total=${total}, lr=${base}, min_lr=${min}):`,
      '    if t < w:',
      '        return t / w',
      '    if t >= total:',
      '        return min_lr / lr',
      '    return (min_lr + 0.5 * (lr - min_lr) * (1 + math.cos(math.pi * (t - w) / (total - w)))) / lr',
      'scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine)',
    ];
  }
  if (sched.name === 'LRRangeTest') {
    const n = steps(p.num_iter);
    const a = pyFloat(p.start_lr as number);
    const b = pyFloat(p.end_lr as number);
    return [
      `# LR range test: lr grows exponentially from ${a} to ${b} over ${pyInt(n)} steps, then holds.`,
      `scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (${b} / ${a}) ** (min(t, ${pyInt(n - 1)}) / ${pyInt(Math.max(n - 1, 1))}))`,
    ];
  }
  const def = SCHEDULES[sched.name];
  const values: ParamValues = { ...p };
  for (const name of ['T_max', 'total_steps'])
    if (Object.hasOwn(values, name)) values[name] = steps(values[name]);
  const args = ['optimizer', ...kwargs(def.params, values, REQUIRED[sched.name] ?? [])];
  return [`scheduler = torch.optim.lr_scheduler.${sched.name}(${args.join(', ')})`];
}

function surfaceOf(s: Scenario): { name: string; surface: PythonSurface | null; note: string } {
  if ('expression' in s.surface) {
    const py = expressionToPython(s.surface.expression);
    return {
      name: `f(x, y) = ${s.surface.expression}`,
      surface: py === null ? null : { body: [`return ${py}`] },
      note: `the typed expression ${s.surface.expression}`,
    };
  }
  const def = SURFACES[s.surface.id];
  return {
    name: `${def.name} (catalog id '${def.id}')`,
    surface: catalogToPython(def.id, s.surface.params),
    note: `catalog surface '${def.id}'`,
  };
}

export function exportTorch(s: Scenario): string {
  const { name, surface, note } = surfaceOf(s);
  const data = surface?.data;
  const optimizers = new Set(
    s.runs.map((r) => (r.optimizer === 'sam' ? (r.params.base as string) : r.optimizer)),
  );
  const needsStream = s.noise.sigma > 0 || !!data;
  const out: string[] = [
    '"""Loss Landscape Lab scenario as a PyTorch script (generated; torch >= 1.13).',
    '',
    `Surface: ${pyComment(name).replace(/"""/g, "'''").replace(/\\/g, '/')}`,
    `${s.runs.length} run(s) of ${s.steps} steps, each a torch training loop on two weights:`,
    'gradient, optimizer.step(), scheduler.step(). Float64 throughout, as in the lab.',
    '"""',
    'import math',
    '',
    'import torch',
    '',
    'torch.set_default_dtype(torch.float64)',
    '',
    `STEPS = ${pyInt(s.steps)}`,
    `SIGMA = ${pyFloat(s.noise.sigma)}  # gradient noise: g + SIGMA * N(0, 1)`,
    `SEED = ${pyInt(s.noise.seed)}  # seeds the noise${data ? ' and the order of the mini-batches' : ''}`,
    '',
    '',
    'def _t(v):',
    '    """A constant as a tensor, so it behaves as in the lab (1/0 = inf, (-8)**(1/3) = nan)."""',
    '    return torch.as_tensor(v)',
    '',
  ];
  if (needsStream) out.push('', ...NORMAL_STREAM, '');
  if (data) out.push('', ...MIX_SEED, '', '', ...datasetPreamble(data), '');
  out.push(
    '',
    'def f(x, y):',
    `    """${pyComment(name).replace(/"""/g, "'''").replace(/\\/g, '/')}"""`,
  );
  if (surface) out.push(...surface.body.map((l) => `    ${l}`));
  else
    out.push(
      `    # No Python translation for ${pyComment(note)}: write f here.`,
      `    raise NotImplementedError(${pyString(`no Python translation for ${note}`)})`,
    );
  out.push('');
  const packages = [...optimizers].flatMap((id) => {
    const p = OPTIMIZERS[id].package;
    return p
      ? [`# ${OPTIMIZERS[id].label} is not in torch.optim: pip install ${p.pip}`, p.importLine]
      : [];
  });
  if (packages.length) out.push('', ...new Set(packages));
  if (optimizers.has('lion')) out.push('', ...LION, '');
  if (optimizers.has('newton')) out.push('', ...NEWTON, '');
  out.push('', ...trainingLoop(!!data), '', '', 'results = []');

  s.runs.forEach((run, i) => {
    const label = runLabel(run);
    const def = OPTIMIZERS[run.optimizer];
    const start = runStartOf(s, run);
    const { lines, extra } = optimizerOf(run);
    if (run.swa) extra.push(`swa_start=${pyInt(run.swa.start)}`);
    // The LR range test is an N-step experiment: the lab stops the run when its sweep is over.
    const sweep = run.schedule?.name === 'LRRangeTest' ? run.schedule.params.num_iter : null;
    if (typeof sweep === 'number' && sweep < s.steps) extra.push(`steps=${pyInt(sweep)}`);
    out.push(
      '',
      `# Run ${i + 1}: ${pyComment(label)} (${pyComment(def.reference)})${run.visible ? '' : ' [hidden in the lab]'}`,
      def.matrices
        ? `w = torch.tensor([[${pyFloat(start[0])}, ${pyFloat(start[1])}]], requires_grad=True)  # ${pyComment(def.label)} takes matrices: a 1 x 2 weight`
        : `w = torch.tensor([${pyFloat(start[0])}, ${pyFloat(start[1])}], requires_grad=True)`,
      ...lines,
      ...schedulerOf(s, run),
      `results.append(train(${[pyString(label), 'w', 'optimizer', 'scheduler', ...extra].join(', ')}))`,
    );
  });
  out.push('');
  return out.join('\n');
}
