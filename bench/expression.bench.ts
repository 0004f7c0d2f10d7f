import { compile } from 'mathjs';
import { compileExpression } from '../src/surfaces/expression/index.ts';
import { medianMs, paired, type BenchRow } from './harness.ts';

/**
 * The expression compiler against hand-written JS on a 256² grid of Rastrigin, and mathjs's own
 * compile().evaluate beside it. Each timed loop has its own copy so that the hand-written
 * function's call site sees one target (a shared loop would be polymorphic and slow the baseline).
 */
const RASTRIGIN = '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)';
const N = 256;
const LO = -5.12;
const STEP = 10.24 / (N - 1);

/** Rastrigin written by hand, as a catalog surface would be. */
function rastrigin(x: number, y: number): number {
  return 20 + x * x - 10 * Math.cos(2 * Math.PI * x) + y * y - 10 * Math.cos(2 * Math.PI * y);
}

type F = (x: number, y: number) => number;

function gridHand(f: F, out: Float64Array): void {
  for (let j = 0; j < N; j++) {
    const y = LO + j * STEP;
    for (let i = 0; i < N; i++) out[j * N + i] = f(LO + i * STEP, y);
  }
}

function gridCompiled(f: F, out: Float64Array): void {
  for (let j = 0; j < N; j++) {
    const y = LO + j * STEP;
    for (let i = 0; i < N; i++) out[j * N + i] = f(LO + i * STEP, y);
  }
}

/** One loop for every surface, as the app's grid sampler is: its call site is megamorphic. */
function gridShared(f: F, out: Float64Array): void {
  for (let j = 0; j < N; j++) {
    const y = LO + j * STEP;
    for (let i = 0; i < N; i++) out[j * N + i] = f(LO + i * STEP, y);
  }
}

function gridMathjs(evaluate: (scope: { x: number; y: number }) => number, out: Float64Array) {
  const scope = { x: 0, y: 0 };
  for (let j = 0; j < N; j++) {
    scope.y = LO + j * STEP;
    for (let i = 0; i < N; i++) {
      scope.x = LO + i * STEP;
      out[j * N + i] = evaluate(scope);
    }
  }
}

function gridGrad(grad: (x: number, y: number, out: Float64Array) => void, out: Float64Array) {
  const g = new Float64Array(2);
  for (let j = 0; j < N; j++) {
    const y = LO + j * STEP;
    for (let i = 0; i < N; i++) {
      grad(LO + i * STEP, y, g);
      out[2 * (j * N + i)] = g[0];
      out[2 * (j * N + i) + 1] = g[1];
    }
  }
}

function gridGradHand(out: Float64Array) {
  const c = 2 * Math.PI;
  for (let j = 0; j < N; j++) {
    const y = LO + j * STEP;
    for (let i = 0; i < N; i++) {
      const x = LO + i * STEP;
      out[2 * (j * N + i)] = 2 * x + 10 * c * Math.sin(c * x);
      out[2 * (j * N + i) + 1] = 2 * y + 10 * c * Math.sin(c * y);
    }
  }
}

/** Sum of |output|, so the work cannot be optimized away and the rows can be compared. */
const checksum = (a: Float64Array) => a.reduce((s, v) => s + Math.abs(v), 0);

/**
 * Other surfaces compiled and run first, as in the app, where one grid sampler and one run
 * loop call many surfaces: the compiled code's speed must not depend on being the only one.
 */
const OTHERS = [
  '(1 - x)^2 + 100*(y - x^2)^2',
  'tanh(x^2 + y^2 - 4)',
  'sqrt(x^2 + y^2) + abs(x - y)',
  '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  'log(1 + x^2, 10) / (1 + y^2) + sin(x)*cosh(y/3) - atan(x*y)',
];

function warmOthers(out: Float64Array) {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  for (const source of OTHERS) {
    const o = compileExpression(source).objective;
    for (let r = 0; r < 5; r++) gridShared(o.f, out);
    for (let i = 0; i < 20_000; i++) {
      o.grad(i / 5000 - 2, 1 - i / 7000, g);
      o.hess(i / 5000 - 2, 1 - i / 7000, h);
    }
  }
}

export function benchExpression(): BenchRow[] {
  const hand = new Float64Array(N * N);
  const ours = new Float64Array(N * N);
  const theirs = new Float64Array(N * N);
  warmOthers(ours);
  const f = compileExpression(RASTRIGIN).objective;
  const mathjsCompiled = compile(RASTRIGIN);
  const evaluate = (scope: { x: number; y: number }) => mathjsCompiled.evaluate(scope) as number;

  const [handMs, oursMs] = paired(
    () => gridHand(rastrigin, hand),
    () => gridCompiled(f.f, ours),
  );
  // Hand-written surfaces pass through the shared loop too.
  gridShared((x, y) => Math.sin(x) * Math.cos(y), hand);
  gridShared((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, hand);
  const [sharedHandMs, sharedOursMs] = paired(
    () => gridShared(rastrigin, hand),
    () => gridShared(f.f, ours),
  );
  const mathjsMs = medianMs(() => gridMathjs(evaluate, theirs), 5, 1);
  const gradHand = new Float64Array(2 * N * N);
  const gradOurs = new Float64Array(2 * N * N);
  const [gradHandMs, gradMs] = paired(
    () => gridGradHand(gradHand),
    () => gridGrad(f.grad, gradOurs),
  );

  // The generated grid loop (f and ∇f of every vertex in one call), as the grid sampler uses it.
  const xs = Float64Array.from({ length: N }, (_, i) => LO + i * STEP);
  const fg = [N * N, N * N, N * N].map((m) => new Float64Array(m));
  const fgGridMs = medianMs(() => f.fgGrid!(xs, xs, fg[0], fg[1], fg[2]));

  const sums = `checksums hand ${checksum(hand).toFixed(6)}, compiled ${checksum(ours).toFixed(6)}, mathjs ${checksum(theirs).toFixed(6)}`;
  return [
    {
      name: 'expression: Rastrigin f on 256² grid, compiled',
      ms: oursMs,
      ratio: { value: oursMs / handMs, max: 2, against: 'hand-written JS' },
      note: `hand-written ${handMs.toFixed(3)} ms; ${sums}`,
    },
    {
      name: 'expression: Rastrigin f on 256² grid, compiled, via a loop shared by all surfaces',
      ms: sharedOursMs,
      ratio: { value: sharedOursMs / sharedHandMs, max: 2, against: 'hand-written JS, same loop' },
      note: `hand-written ${sharedHandMs.toFixed(3)} ms; how the app's grid sampler calls surfaces`,
    },
    {
      name: 'expression: Rastrigin f on 256² grid, mathjs compile().evaluate',
      ms: mathjsMs,
      note: `${(mathjsMs / oursMs).toFixed(1)}× our compiled f (for reference, no budget)`,
    },
    {
      name: 'expression: Rastrigin ∇f on 256² grid, compiled',
      ms: gradMs,
      ratio: { value: gradMs / gradHandMs, max: 2, against: 'hand-written JS gradient' },
      note: `hand-written ${gradHandMs.toFixed(3)} ms; checksums ${checksum(gradHand).toFixed(6)} vs ${checksum(gradOurs).toFixed(6)}`,
    },
    {
      name: 'expression: Rastrigin f and ∇f on 256² grid, generated grid loop (fgGrid)',
      ms: fgGridMs,
      ratio: { value: fgGridMs / (handMs + gradHandMs), max: 2, against: 'hand-written f + ∇f' },
      note: `checksum f ${checksum(fg[0]).toFixed(6)}`,
    },
  ];
}
