import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import { SURFACES } from '../surfaces/catalog/index.ts';
import type { ModelScenario } from './modelScenario.ts';
import type { Scenario, ScenarioRun } from './scenario.ts';
import { exportTorchModel } from './torchExport/exportTorchModel.ts';
import {
  catalogToPython,
  datasetPreamble,
  type PythonSurface,
} from './torchExport/catalogToPython.ts';
import { runLabel } from './runLabel.ts';
import { surfaceStart } from './runScenario.ts';
import { expressionToPython } from './torchExport/expressionToPython.ts';
import {
  constructedOptimizer,
  optimizerDefinitions,
  optimizerOf,
  schedulerOf,
} from './torchExport/optimizerToPython.ts';
import { pyComment, pyFloat, pyInt, pyString } from './torchExport/pyLiteral.ts';
import { MIX_SEED, NEWTON, NORMAL_STREAM, trainingLoop } from './torchExport/pythonRuntime.ts';

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
 * ever fail the script says so in a stub `def f` that raises. A network scenario's script is
 * torchExport/exportTorchModel.ts's.
 */

/** The start a run uses: its own, else the scenario's, else the surface's. */
export function runStartOf(s: Scenario, run: ScenarioRun): readonly [number, number] {
  return run.start ?? s.start ?? surfaceStart(s.surface);
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

/** The script for a surface scenario, or for a network scenario (exportTorchModel). */
export function exportTorch(s: Scenario | ModelScenario): string {
  if ('model' in s) return exportTorchModel(s);
  const { name, surface, note } = surfaceOf(s);
  const data = surface?.data;
  const optimizers = new Set(s.runs.map(constructedOptimizer));
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
  out.push(...optimizerDefinitions(optimizers));
  if (optimizers.has('newton')) out.push('', ...NEWTON, '');
  out.push('', ...trainingLoop(!!data), '', '', 'results = []');

  s.runs.forEach((run, i) => {
    const label = runLabel(run);
    const def = OPTIMIZERS[run.optimizer];
    const start = runStartOf(s, run);
    const { lines, extra } = optimizerOf(run, '[w]');
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
      ...schedulerOf(run, s.steps),
      `results.append(train(${[pyString(label), 'w', 'optimizer', 'scheduler', ...extra].join(', ')}))`,
    );
  });
  out.push('');
  return out.join('\n');
}
