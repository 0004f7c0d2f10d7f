import { OPTIMIZERS } from '../src/engine/optimizers/index.ts';
import { runOptimizer, type RunSpec } from '../src/engine/run.ts';
import { defaultParams } from '../src/engine/validateParams.ts';
import { compileExpression } from '../src/surfaces/expression/index.ts';
import { medianMs, paired, type BenchRow } from './harness.ts';

const ROSENBROCK = '(1 - x)^2 + 100*(y - x^2)^2';
const STEPS = 5000;

/** Eight runs as the lab would race them: a mix of first-order optimizers, 5,000 steps each. */
const RUNS: [string, Record<string, unknown>][] = [
  ['sgd', { lr: 1e-4 }],
  ['sgd', { lr: 1e-4, momentum: 0.9 }],
  ['sgd', { lr: 1e-4, momentum: 0.9, nesterov: true }],
  ['rmsprop', { lr: 1e-3 }],
  ['adagrad', { lr: 0.05 }],
  ['adam', { lr: 1e-3 }],
  ['adamw', { lr: 1e-3 }],
  ['lion', { lr: 1e-4 }],
];

function spec(id: string, params: Record<string, unknown>): RunSpec {
  const def = OPTIMIZERS[id];
  return {
    optimizer: def,
    params: { ...defaultParams(def.params), ...params } as RunSpec['params'],
    schedule: null,
    start: [-1.2, 1],
    steps: STEPS,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  };
}

/**
 * The baseline for engine overhead: the same Adam steps fused by hand into one function over the
 * same compiled surface, returning the trajectory and losses in fresh arrays as the engine does —
 * what someone would write without an engine. "The same steps" means the same numbers and the
 * same outputs: torch's operation order and its β^t (`beta ** step`, Math.pow here), so the two
 * trajectories agree bit for bit (checked below), and ‖∇f‖ at every
 * point, which the lab plots. The ratio then measures what the engine's structure costs: the
 * registry, the run loop shared by every optimizer, the schedule and the stop checks. With
 * `exact` false it is the bare loop: β^t as a running product (p *= β, the shortcut a quick
 * script takes, which drifts from torch's pow in the last bits) and no ‖∇f‖.
 */
function handFusedAdam(
  f: (x: number, y: number) => number,
  grad: (x: number, y: number, out: Float64Array) => void,
  exact: boolean,
): { traj: Float64Array; losses: Float64Array; gradNorms: Float64Array | null } {
  const traj = new Float64Array(2 * (STEPS + 1));
  const losses = new Float64Array(STEPS + 1);
  const gradNorms = exact ? new Float64Array(STEPS + 1) : null;
  const lr = 1e-3;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const g = new Float64Array(2);
  let x = -1.2;
  let y = 1;
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  let p1 = 1;
  let p2 = 1;
  traj[0] = x;
  traj[1] = y;
  losses[0] = f(x, y);
  // One loop with no code after it: V8 compiles it once (on-stack replacement mid-call would
  // otherwise leave code after the loop without type feedback and deoptimize on every call).
  for (let t = 1; ; t++) {
    grad(x, y, g);
    if (gradNorms) gradNorms[t - 1] = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
    if (t > STEPS) break;
    // torch's operation order (see src/engine/optimizers/adamStep.ts).
    m0 = (1 - b1) * g[0] + m0 * b1;
    m1 = (1 - b1) * g[1] + m1 * b1;
    v0 = (1 - b2) * g[0] * g[0] + v0 * b2;
    v1 = (1 - b2) * g[1] * g[1] + v1 * b2;
    if (exact) {
      p1 = Math.pow(b1, t);
      p2 = Math.pow(b2, t);
    } else {
      p1 *= b1;
      p2 *= b2;
    }
    const stepSize = lr / (1 - p1);
    const sbc2 = Math.sqrt(1 - p2);
    x = x + (-stepSize * m0) / (Math.sqrt(v0) / sbc2 + eps);
    y = y + (-stepSize * m1) / (Math.sqrt(v1) / sbc2 + eps);
    traj[2 * t] = x;
    traj[2 * t + 1] = y;
    losses[t] = f(x, y);
  }
  return { traj, losses, gradNorms };
}

export function benchEngine(): BenchRow[] {
  const { objective } = compileExpression(ROSENBROCK);
  const specs = RUNS.map(([id, p]) => spec(id, p));
  let sink = 0;
  const all = medianMs(() => {
    for (const s of specs) sink += runOptimizer(objective, s).losses[STEPS];
  }, 21);

  const adam = spec('adam', { lr: 1e-3 });
  const f = objective.f.bind(objective);
  const grad = objective.grad.bind(objective);
  const same = handFusedAdam(f, grad, true);
  const ours = runOptimizer(objective, adam);
  const identical = (a: Float64Array, b: Float64Array) => a.every((v, i) => v === b[i]);
  if (!identical(same.traj, ours.trajectory) || !identical(same.gradNorms!, ours.gradNorms))
    throw new Error('the hand-fused Adam baseline no longer reproduces the engine bit for bit');
  for (let i = 0; i < 20; i++) {
    sink += handFusedAdam(f, grad, true).losses[STEPS] + handFusedAdam(f, grad, false).losses[1];
    sink += runOptimizer(objective, adam).losses[STEPS];
  }
  const [engineAdam, fused] = paired(
    () => {
      sink += runOptimizer(objective, adam).losses[STEPS];
    },
    () => {
      sink += handFusedAdam(f, grad, true).losses[STEPS];
    },
  );
  const [, quick] = paired(
    () => {
      sink += runOptimizer(objective, adam).losses[STEPS];
    },
    () => {
      sink += handFusedAdam(f, grad, false).losses[STEPS];
    },
  );
  if (Number.isNaN(sink)) console.log('(sink)');
  return [
    {
      name: 'recompute 8 runs × 5,000 steps (compiled Rosenbrock expression)',
      ms: all,
      budgetMs: 8,
    },
    {
      name: 'engine Adam, 5,000 steps (trajectory, losses, grad norms, lrs)',
      ms: engineAdam,
      ratio: {
        value: engineAdam / fused,
        max: 2,
        against: `hand-fused Adam loop with the same output bit for bit ${fused.toFixed(3)} ms`,
      },
      note: 'the engine also applies the schedule and checks every point for divergence',
    },
    {
      name: 'the same engine Adam against the bare hand-fused loop (for reference, no target)',
      ms: engineAdam,
      ratio: {
        value: engineAdam / quick,
        max: Infinity,
        against: `${quick.toFixed(3)} ms: β^t as a running product, not torch's pow, no ‖∇f‖`,
      },
    },
  ];
}
