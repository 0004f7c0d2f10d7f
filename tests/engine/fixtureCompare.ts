/**
 * Element-wise comparison against PyTorch fixtures, shared by the parity tests.
 *
 * The error of one element is |a − b| / max(1, |b|): relative for large values, absolute below 1
 * (iterates near a minimum at 0 would otherwise make relative errors meaningless). Learning
 * rates and momenta are ≪ 1, where that floor would hide an off-by-one step, so they are
 * compared relative to |b| instead, with a floor far below any lr a schedule produces on purpose.
 */
export const TOL = 1e-9;

export interface Mismatch {
  what: string;
  index: number;
  got: number;
  expected: number;
  err: number;
}

export interface Comparison {
  /** Largest error over all elements compared. */
  worst: number;
  /** The first element over tolerance, if any. */
  first: Mismatch | null;
}

/**
 * How many iterates of a trajectory fixture can be compared: those before `separates_at`, the
 * first step where torch's own run, with its first gradient scaled by (1 + 1e-15), leaves TOL
 * (scripts/make_torch_fixtures.py, separation_step). A chaotic trajectory amplifies last-bit
 * rounding exponentially, so past that step no implementation that rounds differently from
 * torch anywhere (operation order, libm's pow and exp) can be held to TOL; before it, ours is.
 * null means torch never separates from itself: every iterate is compared.
 */
export const comparableIterates = (points: number, separatesAt: number | null | undefined) =>
  separatesAt == null ? points : Math.min(points, separatesAt);

export const valueError = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** For sequences of small positive numbers (lrs, momenta): relative to |b|, floor 1e-12·peak. */
export function relativeErrorFor(expected: readonly number[]) {
  const peak = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const floor = Math.max(peak * 1e-12, Number.MIN_VALUE);
  return (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), floor);
}

export function compare(
  what: string,
  got: ArrayLike<number>,
  expected: readonly number[],
  error: (a: number, b: number) => number = valueError,
  count = expected.length,
): Comparison {
  let worst = 0;
  let first: Mismatch | null = null;
  for (let i = 0; i < count; i++) {
    const a = got[i];
    const b = expected[i];
    // NaN (or a missing element) is never within tolerance.
    const err = a === b ? 0 : Number.isNaN(error(a, b)) ? Infinity : error(a, b);
    if (err > worst) worst = err;
    if (!(err <= TOL) && !first) first = { what, index: i, got: a, expected: b, err };
  }
  return { worst, first };
}

/** Fold several comparisons into one. */
export function merge(...cs: Comparison[]): Comparison {
  return {
    worst: Math.max(0, ...cs.map((c) => c.worst)),
    first: cs.find((c) => c.first)?.first ?? null,
  };
}

export const describeMismatch = (m: Mismatch | null) =>
  m
    ? `${m.what}[${m.index}]: got ${m.got}, torch ${m.expected} (error ${m.err.toExponential(2)})`
    : 'none';

/** A run's side paths against a fixture's `side_paths` ({id: [null | weights, …]}), iterates < n. */
export function compareSidePaths(
  got: readonly { id: string; values: Float64Array }[],
  expected: Record<string, (number[] | null)[]> | undefined,
  dim: number,
  n: number,
): Comparison[] {
  if (!expected) return [];
  return Object.entries(expected).map(([id, path]) => {
    const ours = got.find((p) => p.id === id);
    if (!ours) throw new Error(`the run has no side path '${id}'`);
    const ks = path.flatMap((v, k) => (v && k < n ? [k] : []));
    for (const [k, v] of path.entries())
      if (v === null && !Number.isNaN(ours.values[dim * k]))
        throw new Error(`side path ${id}[${k}] should be NaN (torch has none yet)`);
    return compare(
      id,
      ks.flatMap((k) => Array.from(ours.values.subarray(dim * k, dim * (k + 1)))),
      ks.flatMap((k) => path[k]!),
    );
  });
}

/** Closure evaluations per step must be torch's exactly (steps < n). */
export function compareEvaluationCounts(
  got: { counts: Uint32Array } | null,
  expected: number[] | undefined,
  n: number,
): void {
  if (!expected) return;
  if (!got) throw new Error('the run counted no closure evaluations');
  const upTo = Math.min(expected.length, Math.max(0, n - 1));
  const ours = Array.from(got.counts.subarray(0, upTo));
  const theirs = expected.slice(0, upTo);
  if (ours.join() !== theirs.join())
    throw new Error(`evaluations per step: ours ${ours.join(',')}, torch ${theirs.join(',')}`);
}
