/**
 * A parameter tensor as torch.optim sees one: its values, their gradient and its shape.
 *
 * A run keeps all its weights in one flat Float64Array (the objective's view, in torch's
 * `model.parameters()` order) and each Param's `data` and `grad` are views into it, so an
 * optimizer walks its tensors one by one (per-tensor rules such as LAMB's trust ratio see each
 * tensor whole) while the run loop records, perturbs and measures the weights as one vector.
 */
export interface Param {
  readonly shape: readonly number[];
  readonly data: Float64Array;
  readonly grad: Float64Array;
}

/** The number of elements of a tensor of this shape. */
export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Params over flat weight and gradient vectors, one per shape, in order. */
export function paramViews(
  shapes: readonly (readonly number[])[],
  weights: Float64Array,
  grads: Float64Array,
): Param[] {
  const out: Param[] = [];
  let at = 0;
  for (const shape of shapes) {
    const n = numel(shape);
    out.push({ shape, data: weights.subarray(at, at + n), grad: grads.subarray(at, at + n) });
    at += n;
  }
  if (at !== weights.length || at !== grads.length)
    throw new Error(`parameter shapes hold ${at} weights, the vector ${weights.length}`);
  return out;
}

/** Σ x², over a whole tensor (the squared 2-norm torch's `norm()` takes the root of). */
export function sumSquares(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** x ← x/‖x‖ in place (a zero vector stays zero); returns ‖x‖. */
export function normalize(x: Float64Array): number {
  const norm = Math.sqrt(sumSquares(x));
  if (norm > 0) for (let i = 0; i < x.length; i++) x[i] /= norm;
  return norm;
}
