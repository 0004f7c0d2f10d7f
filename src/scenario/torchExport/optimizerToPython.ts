import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import type { ParamSpec, ParamValues } from '../../engine/params.ts';
import { SCHEDULES } from '../../engine/schedules/index.ts';
import { sameValue, specsOf } from '../../engine/validateParams.ts';
import type { ScenarioRun } from '../scenario.ts';
import { pyComment, pyFloat, pyInt, pyValue } from './pyLiteral.ts';
import { LION } from './pythonRuntime.ts';

/**
 * A run's torch.optim constructor and lr_scheduler as Python lines, for both exports (a surface's
 * two weights, a network's parameters): every constructor gets lr plus each parameter that differs
 * from torch's default (our defaults are torch's), and the arguments torch requires.
 */

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
export function optimizerOf(
  run: ScenarioRun,
  weights: string,
  name = 'optimizer',
): { lines: string[]; extra: string[] } {
  const def = OPTIMIZERS[run.optimizer];
  let id = run.optimizer;
  // adamw_lr is the lr of the AdamW beside Muon on a network, not a torch.optim.Muon argument.
  let specs = specsOf(def, run.params).filter((s) => s.name !== 'adamw_lr');
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
  const args = [weights, ...kwargs(specs, params, [], pkg?.keywords), ...(pkg?.extraArgs ?? [])];
  lines.push(`${name} = ${pythonClass(id)}(${args.join(', ')})`);
  if (pkg?.afterConstruct) lines.push(pkg.afterConstruct.replace(/^optimizer\b/, name));
  return { lines, extra };
}

export function schedulerOf(
  run: ScenarioRun,
  totalSteps: number,
  optimizer = 'optimizer',
  scheduler = 'scheduler',
): string[] {
  const sched = run.schedule;
  if (!sched) return [`${scheduler} = None`];
  const p = sched.params;
  const steps = (v: unknown) => (v === null ? totalSteps : (v as number));
  if (sched.name === 'WarmupCosine') {
    const w = pyInt(p.warmup_steps as number);
    const total = pyInt(steps(p.total_steps));
    const base = pyFloat(run.params.lr as number);
    const min = pyFloat(p.min_lr as number);
    const fn = scheduler === 'scheduler' ? 'warmup_cosine' : `${scheduler}_warmup_cosine`;
    return [
      `# Linear warmup from 0 over ${w} steps, then a cosine from lr to min_lr until step ${total}.`,
      `def ${fn}(t, w=${w}, total=${total}, lr=${base}, min_lr=${min}):`,
      '    if t < w:',
      '        return t / w',
      '    if t >= total:',
      '        return min_lr / lr',
      '    return (min_lr + 0.5 * (lr - min_lr) * (1 + math.cos(math.pi * (t - w) / (total - w)))) / lr',
      `${scheduler} = torch.optim.lr_scheduler.LambdaLR(${optimizer}, ${fn})`,
    ];
  }
  if (sched.name === 'LRRangeTest') {
    const n = steps(p.num_iter);
    const a = pyFloat(p.start_lr as number);
    const b = pyFloat(p.end_lr as number);
    return [
      `# LR range test: lr grows exponentially from ${a} to ${b} over ${pyInt(n)} steps, then holds.`,
      `${scheduler} = torch.optim.lr_scheduler.LambdaLR(${optimizer}, lambda t: (${b} / ${a}) ** (min(t, ${pyInt(n - 1)}) / ${pyInt(Math.max(n - 1, 1))}))`,
    ];
  }
  const def = SCHEDULES[sched.name];
  const values: ParamValues = { ...p };
  for (const name of ['T_max', 'total_steps'])
    if (Object.hasOwn(values, name)) values[name] = steps(values[name]);
  const args = [optimizer, ...kwargs(def.params, values, REQUIRED[sched.name] ?? [])];
  return [`${scheduler} = torch.optim.lr_scheduler.${sched.name}(${args.join(', ')})`];
}

/**
 * The imports and classes the runs' optimizers need beyond torch.optim: a package's import (with
 * the pip line), Lion's class. (Newton's class depends on the objective: each export adds its own.)
 */
export function optimizerDefinitions(ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const packages = [...ids].flatMap((id) => {
    const p = OPTIMIZERS[id].package;
    return p
      ? [`# ${OPTIMIZERS[id].label} is not in torch.optim: pip install ${p.pip}`, p.importLine]
      : [];
  });
  if (packages.length) out.push('', ...new Set(packages));
  if (ids.has('lion')) out.push('', ...LION, '');
  return out;
}

/** The optimizers a run constructs: SAM's base in place of SAM. */
export const constructedOptimizer = (run: ScenarioRun): string =>
  run.optimizer === 'sam' ? (run.params.base as string) : run.optimizer;
