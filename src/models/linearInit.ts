import { NormalStream } from '../engine/noise.ts';

/**
 * torch's default nn.Linear initialisation, drawn from our seeded generator: the weight by
 * kaiming_uniform_(a=√5), which is U(−1/√fan_in, 1/√fan_in), and the bias from the same
 * U(−1/√fan_in, 1/√fan_in). Filled in torch's `model.parameters()` order (each layer's
 * weight [out, in] row-major, then its bias), so a seed names the weights on every machine;
 * the numbers are not torch's RNG's, so "Copy as PyTorch" writes them out.
 */
export function linearInit(
  layers: readonly { in: number; out: number }[],
  seed: number,
  w: Float64Array,
): void {
  const rng = new NormalStream(seed);
  let at = 0;
  for (const { in: fanIn, out } of layers) {
    const bound = 1 / Math.sqrt(fanIn);
    for (let i = 0; i < out * fanIn + out; i++) w[at++] = (2 * rng.nextUniform() - 1) * bound;
  }
}
