import { NormalStream } from '../../engine/noise.ts';
import { numel } from '../../engine/tensor.ts';
import { mixSeed } from '../../surfaces/catalog/data/seedMix.ts';
import type { Plane } from './plane.ts';

/**
 * A random direction in weight space normalised per filter (Li et al. 2018, "Visualizing the
 * Loss Landscape of Neural Nets", §4): Gaussian entries from NormalStream(seed), then for a
 * dense layer's weight [out, in] each output neuron's row of incoming weights is rescaled to the
 * norm of the same row of the centre's weights; bias (1-D) directions are zero, as the
 * reference's `ignore='biasbn'`. Comparable across networks and minima, unlike raw directions,
 * which scale-invariant networks would otherwise distort. Flat, in the objective's order.
 */
export function filterNormalizedDirection(
  shapes: readonly (readonly number[])[],
  center: Float64Array,
  seed: number,
): Float64Array {
  const rng = new NormalStream(seed);
  const d = new Float64Array(center.length);
  let at = 0;
  for (const shape of shapes) {
    const n = numel(shape);
    if (shape.length >= 2) {
      const rows = shape[0];
      const cols = n / rows;
      for (let r = 0; r < rows; r++) {
        const o = at + r * cols;
        let dn = 0;
        let cn = 0;
        for (let i = 0; i < cols; i++) {
          d[o + i] = rng.nextNormal();
          dn += d[o + i] * d[o + i];
          cn += center[o + i] * center[o + i];
        }
        const scale = Math.sqrt(cn) / (Math.sqrt(dn) + 1e-10);
        for (let i = 0; i < cols; i++) d[o + i] *= scale;
      }
    }
    at += n;
  }
  return d;
}

/**
 * The filter-normalised random plane centred at `center`: d₁ and d₂ from two independent
 * streams of the seed, so one `slice.seed` names both.
 */
export function filterNormalizedPlane(
  shapes: readonly (readonly number[])[],
  center: Float64Array,
  seed: number,
): Plane {
  return {
    center: Float64Array.from(center),
    d1: filterNormalizedDirection(shapes, center, mixSeed(seed, 0)),
    d2: filterNormalizedDirection(shapes, center, mixSeed(seed, 1)),
  };
}
