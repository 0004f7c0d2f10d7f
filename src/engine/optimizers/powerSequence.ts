import { PowerRecurrence } from './powerRecurrence.ts';

/**
 * β^t for an optimizer's bias corrections, correctly rounded as torch's Python floats give them
 * (PowerRecurrence explains why Math.pow will not do), at the cost of one array load per step.
 *
 * Why tables: the lab reruns every optimizer on every slider move, almost always with the same
 * betas (dragging lr, a schedule, the start point), and the double-double recurrence is a serial
 * chain of ~20 dependent operations per step, as slow as the rest of an Adam step together. The
 * sequence x^fl(t·y), t = 0, 1, 2, … depends only on (x, y), so it is computed once into a
 * shared table and read back. A base that changes every step (OneCycleLR cycling β1) never
 * settles on one table and goes through the recurrence, as before.
 */
export class PowerSequence {
  private table: Float64Array = NO_TABLE;
  private x = NaN;
  private y = NaN;
  private readonly recurrence = new PowerRecurrence();

  /** x^fl(t·y) for x ≥ 0, y ≥ 0 and a whole t ≥ 0, like C's pow(x, t*y). */
  at(x: number, y: number, t: number): number {
    const table = this.table;
    if (x === this.x && y === this.y && t < table.length) return table[t];
    // The unary plus tells V8's optimizer the call returns a number, so the inlined result
    // stays an unboxed double instead of a heap number allocated on every step.
    return +this.miss(x, y, t);
  }

  private miss(x: number, y: number, t: number): number {
    if (x === this.x && y === this.y) {
      // The same base twice running: a steady sequence, worth a table.
      this.table = powerTable(x, y, t);
      return this.table[t];
    }
    this.x = x;
    this.y = y;
    this.table = NO_TABLE;
    return this.recurrence.at(x, y, t);
  }
}

const NO_TABLE = new Float64Array(0);
const MIN_LENGTH = 1024;
/** How many (x, y) sequences to keep: a lab holds at most 8 runs of a few betas each. */
const MAX_TABLES = 24;
const tables = new Map<string, Float64Array>();

/** The shared table for (x, y), at least t + 1 long (grown by doubling). */
function powerTable(x: number, y: number, t: number): Float64Array {
  const key = `${x} ${y}`;
  let table = tables.get(key);
  if (table && t < table.length) {
    // Most recently used last, so the first key is the one to evict.
    tables.delete(key);
    tables.set(key, table);
    return table;
  }
  let n = Math.max(MIN_LENGTH, table ? 2 * table.length : 0);
  while (n <= t) n *= 2;
  table = new Float64Array(n);
  const r = new PowerRecurrence();
  for (let k = 0; k < n; k++) table[k] = r.at(x, y, k);
  tables.delete(key);
  tables.set(key, table);
  if (tables.size > MAX_TABLES) tables.delete(tables.keys().next().value!);
  return table;
}
