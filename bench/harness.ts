/**
 * A tiny benchmark harness: medians of repeated timings, printed with targets and ratios.
 * The machine is shared and noisy, so we report medians of several samples taken in one run,
 * and ratios against a baseline measured in the same run.
 */
export interface BenchRow {
  name: string;
  /** Median wall time in milliseconds. */
  ms: number;
  /** Budget in ms, if the row has one. */
  budgetMs?: number;
  /** A ratio against a baseline in the same run, with its allowed maximum. */
  ratio?: { value: number; max: number; against: string };
  /** A quantity other than time (e.g. bytes allocated per step), with its allowed maximum. */
  measure?: { value: number; unit: string; max: number };
  note?: string;
}

/**
 * Median of `samples` timings of fn, after `warmup` untimed calls. It first collects the heap
 * when Node exposes the collector (npm run bench does), so that garbage left by earlier
 * benchmarks is not collected, and timed, inside this one.
 */
export function medianMs(fn: () => void, samples = 15, warmup = 5): number {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** medianMs for work that answers later (a worker pool's job), with the last answer. */
export async function medianAsync<T>(
  fn: () => Promise<T>,
  samples: number,
  warmup: number,
): Promise<{ ms: number; last: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], last };
}

/**
 * Medians of `a` and `b` measured in alternating rounds, keeping each one's best round: the
 * machine is shared, and a burst of load during one side's samples would skew a single ratio.
 */
export function paired(a: () => void, b: () => void, rounds = 5): [number, number] {
  let ma = Infinity;
  let mb = Infinity;
  for (let r = 0; r < rounds; r++) {
    ma = Math.min(ma, medianMs(a, 9, 3));
    mb = Math.min(mb, medianMs(b, 9, 3));
  }
  return [ma, mb];
}

export function rowPasses(r: BenchRow): boolean {
  if (r.budgetMs !== undefined && r.ms > r.budgetMs) return false;
  if (r.ratio && r.ratio.value > r.ratio.max) return false;
  if (r.measure && !(r.measure.value <= r.measure.max)) return false;
  return true;
}

export function formatRow(r: BenchRow): string {
  const parts = [r.measure ? `${r.name}:` : `${r.name}: ${r.ms.toFixed(3)} ms`];
  if (r.budgetMs !== undefined) parts.push(`(budget ${r.budgetMs} ms)`);
  if (r.ratio)
    parts.push(`ratio ${r.ratio.value.toFixed(2)}× vs ${r.ratio.against} (max ${r.ratio.max}×)`);
  if (r.measure)
    parts.push(`${r.measure.value.toFixed(2)} ${r.measure.unit} (max ${r.measure.max})`);
  if (r.note) parts.push(`— ${r.note}`);
  parts.push(rowPasses(r) ? 'OK' : 'OVER');
  return parts.join(' ');
}
