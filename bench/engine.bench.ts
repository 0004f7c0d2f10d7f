import { OPTIMIZERS } from '../src/engine/optimizers/index.ts';
import type { Optimizer, ParamGroup } from '../src/engine/optimizer.ts';
import { runOptimizer, type RunSpec } from '../src/engine/run.ts';
import { surfaceObjective } from '../src/engine/surfaceObjective.ts';
import { defaultParams } from '../src/engine/validateParams.ts';
import { compileExpression } from '../src/surfaces/expression/index.ts';
import { medianMs, paired, type BenchRow } from './harness.ts';

const ROSENBROCK = '(1 - x)^2 + 100*(y - x^2)^2';
const STEPS = 1000;

/** Eight runs as the lab would race them: a mix of first-order optimizers, 1,000 steps each. */
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

function spec(id: string, params: Record<string, unknown>, steps = STEPS): RunSpec {
  const def = OPTIMIZERS[id];
  return {
    optimizer: def,
    params: { ...defaultParams(def.params), ...params } as RunSpec['params'],
    schedule: null,
    start: [-1.2, 1],
    steps,
    noise: { sigma: 0, seed: 1 },
    swa: null,
  };
}

const N = 10_000;

/** Adam (torch.optim.Adam's defaults) over one [100, 100] tensor whose grad is fixed. */
function engineAdamOn(w: Float64Array, g: Float64Array): Optimizer {
  const group: ParamGroup = {
    ...(defaultParams(OPTIMIZERS.adam.params) as { lr: number }),
    params: [{ shape: [100, 100], data: w, grad: g }],
  };
  return OPTIMIZERS.adam.create([group]);
}

/**
 * The baseline: the same Adam arithmetic written by hand as one loop over one Float64Array, in
 * torch's operation order with torch's β^t (Math.pow), so it produces the engine's numbers bit
 * for bit (checked below). The ratio measures what the engine's structure costs per step: the
 * registry, param groups, per-tensor state and hyperparameters read from the group each step.
 */
function handAdam(w: Float64Array, g: Float64Array) {
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const lr = 1e-3;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  let t = 0;
  return () => {
    t++;
    const stepSize = lr / (1 - Math.pow(b1, t));
    const sbc2 = Math.sqrt(1 - Math.pow(b2, t));
    for (let i = 0; i < w.length; i++) {
      const d = g[i];
      m[i] = (1 - b1) * d + m[i] * b1;
      v[i] = (1 - b2) * d * d + v[i] * b2;
      w[i] = w[i] + (-stepSize * m[i]) / (Math.sqrt(v[i]) / sbc2 + eps);
    }
  };
}

/** Bytes the heap grew by per call of fn over `calls` calls, from a collected heap. */
function bytesPerCall(fn: () => void, calls: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  for (let i = 0; i < calls; i++) fn();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) fn();
  const after = process.memoryUsage().heapUsed;
  return Math.max(0, after - before) / calls;
}

export function benchEngine(): BenchRow[] {
  const objective = surfaceObjective(compileExpression(ROSENBROCK).objective);
  const specs = RUNS.map(([id, p]) => spec(id, p));
  let sink = 0;
  const all = medianMs(() => {
    for (const s of specs) sink += runOptimizer(objective, s).losses[STEPS];
  }, 21);

  const grad = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 0.37) * (1 + (i % 7)));
  const start = Float64Array.from({ length: N }, (_, i) => Math.cos(i * 0.11));
  const wEngine = start.slice();
  const wHand = start.slice();
  const ours = engineAdamOn(wEngine, grad);
  const hand = handAdam(wHand, grad);
  const noClosure0 = () => 0;
  for (let i = 0; i < 50; i++) {
    ours.step(noClosure0);
    hand();
  }
  if (!wEngine.every((v, i) => v === wHand[i]))
    throw new Error('the hand-written Adam loop no longer reproduces the engine bit for bit');
  const STEPS_PER_SAMPLE = 20;
  const [engineMs, handMs] = paired(
    () => {
      for (let i = 0; i < STEPS_PER_SAMPLE; i++) ours.step(noClosure0);
    },
    () => {
      for (let i = 0; i < STEPS_PER_SAMPLE; i++) hand();
    },
  );

  // Allocation per step: an Adam step alone, and a whole run's loop beyond the arrays it
  // returns (a 20,000-step run less a 10,000-step one, less the 40 bytes a step records).
  const w2 = new Float64Array([-1.2, 1]);
  const small = engineAdamOn(new Float64Array(N), new Float64Array(N));
  const noClosure = () => 0;
  const smallStep = () => small.step(noClosure);
  const perStep = bytesPerCall(smallStep, 20_000);
  const short = spec('adam', { lr: 1e-3 }, 10_000);
  const long = spec('adam', { lr: 1e-3 }, 20_000);
  const runBytes = (s: RunSpec) => bytesPerCall(() => void runOptimizer(objective, s), 5);
  const loopPerStep = Math.max(0, (runBytes(long) - runBytes(short)) / 10_000 - 40);
  sink += w2[0];
  if (Number.isNaN(sink)) console.log('(sink)');
  return [
    {
      name: 'recompute 8 runs × 1,000 steps (compiled Rosenbrock expression)',
      ms: all,
      budgetMs: 4,
    },
    {
      name: `engine Adam, ${STEPS_PER_SAMPLE} steps on 10,000 weights (one [100, 100] tensor)`,
      ms: engineMs,
      ratio: {
        value: engineMs / handMs,
        max: 3,
        against: `a hand-written loop over one Float64Array, same numbers bit for bit, ${handMs.toFixed(3)} ms`,
      },
    },
    {
      name: 'heap allocated per Adam step (10,000 weights)',
      ms: 0,
      measure: { value: perStep, unit: 'bytes', max: 1 },
    },
    {
      name: 'heap allocated per step by the run loop, beyond the 40 bytes a step records',
      ms: 0,
      measure: { value: loopPerStep, unit: 'bytes', max: 1 },
      note: 'Adam on Rosenbrock, 20,000 steps against 10,000',
    },
  ];
}
