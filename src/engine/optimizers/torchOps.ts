/**
 * The tensor operations torch's optimizers are written in, for one weight at a time, each with
 * its operands in the order torch's kernel takes them, so every result rounds as torch's does.
 *
 * torch's AVX2 kernels also contract `add(alpha=…)` / `addcmul` into fused multiply-adds, which
 * JavaScript lacks. Emulating them in software would cost far more than the arithmetic itself
 * and moves no fixture by more than rounding noise, orders of magnitude inside the 1e-9 budget,
 * so each operation here rounds twice.
 */

/** `grad.add(param, alpha=weight_decay)`: an L2 penalty folded into the gradient. */
export const withL2 = (grad: number, w: number, weightDecay: number): number =>
  weightDecay !== 0 ? weightDecay * w + grad : grad;

/** `avg.mul_(β).add_(x, alpha=1 − β)`: the running average of x. */
export const runningAvg = (avg: number, x: number, beta: number): number =>
  (1 - beta) * x + avg * beta;

/** `avg.mul_(β).addcmul_(x, x, value=1 − β)`: the running average of x². */
export const runningSqAvg = (avg: number, x: number, beta: number): number =>
  (1 - beta) * x * x + avg * beta;

/** 1 − βᵗ, Adam's bias correction, with βᵗ as torch's Python float power `beta ** step`. */
export const biasCorrection = (beta: number, step: number): number => 1 - powerOf(beta, step);

/**
 * βᵗ for whole t: Math.pow's own values, remembered per β. Math.pow costs about 150 ns in V8,
 * a third of an Adam step on a surface, and a sweep asks for the same β¹ … βⁿ in every one of
 * its thousands of runs (issue 14's basin map: 16,384 runs of 300 steps).
 */
export function powerOf(beta: number, t: number): number {
  if (!(t >= 0 && t < MAX_REMEMBERED && Number.isInteger(t))) return Math.pow(beta, t);
  // Adam asks for β1ᵗ and β2ᵗ in turn: the last two tables are looked at before the map.
  let table =
    beta === lastBeta[0] ? lastTable[0] : beta === lastBeta[1] ? lastTable[1] : tableOf(beta);
  if (table === null) return Math.pow(beta, t);
  if (t >= table.length) table = grow(beta, table, t);
  return table[t];
}

/** Powers up to this exponent are remembered (a run has at most LIMITS.maxSteps steps). */
const MAX_REMEMBERED = 1 << 14;
const MAX_TABLES = 16;
const tables = new Map<number, Float64Array>();
const lastBeta = [NaN, NaN];
const lastTable: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

/** β's table (made empty if new); null for a β no table is kept for (NaN, and 0, whose sign the map would lose). */
function tableOf(beta: number): Float64Array | null {
  if (Number.isNaN(beta) || beta === 0) return null;
  let table = tables.get(beta);
  if (!table) {
    if (tables.size >= MAX_TABLES) tables.clear();
    tables.set(beta, (table = new Float64Array(0)));
  }
  lastBeta[1] = lastBeta[0];
  lastTable[1] = lastTable[0];
  lastBeta[0] = beta;
  lastTable[0] = table;
  return table;
}

function grow(beta: number, old: Float64Array, t: number): Float64Array {
  const n = Math.min(MAX_REMEMBERED, Math.max(2 * old.length, t + 1, 64));
  const table = new Float64Array(n);
  table.set(old);
  for (let k = old.length; k < n; k++) table[k] = Math.pow(beta, k);
  tables.set(beta, table);
  for (let i = 0; i < 2; i++) if (lastBeta[i] === beta) lastTable[i] = table;
  return table;
}

/**
 * `start.lerp_(end, weight)`: torch's CPU kernel switches formula at weight 0.5 so that the
 * ends are exact (weight 1 gives `end`, not start + (end − start)).
 */
export const lerp = (start: number, end: number, weight: number): number =>
  weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
