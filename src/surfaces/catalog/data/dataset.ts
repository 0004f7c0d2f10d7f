import { NormalStream } from '../../../engine/noise.ts';

/** A two-class dataset with labels ±1 (balanced: even indices +1, odd −1). */
export interface Dataset {
  n: number;
  x1: Float64Array;
  x2: Float64Array;
  label: Float64Array;
}

/**
 * Two Gaussian clouds x = ±μ + L·z, z ~ N(0, I), with μ = (separation/2)·(1, 1)/√2 and
 * L = [[1, 0], [0.8, 0.6]]: unit variances, correlation 0.8. Correlated features are what make
 * a real model's loss surface a tilted, elongated bowl: the Hessian is roughly a multiple of
 * the feature covariance, whose eigenvalues 1.8 (along (1, 1)) and 0.2 (along (1, −1)) differ
 * ninefold. The classes overlap (Mahalanobis distance separation/√1.8), so even with no L2
 * penalty the loss has a finite minimum at moderate separations. Drawn from
 * NormalStream(data_seed), so a seed names a dataset on every machine.
 */
export function makeDataset(n: number, separation: number, dataSeed: number): Dataset {
  const rng = new NormalStream(dataSeed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const label = new Float64Array(n);
  const m = separation / 2 / Math.SQRT2; // each coordinate of μ
  for (let i = 0; i < n; i++) {
    const yi = i % 2 === 0 ? 1 : -1;
    const z1 = rng.nextNormal();
    const z2 = rng.nextNormal();
    label[i] = yi;
    x1[i] = yi * m + z1;
    x2[i] = yi * m + 0.8 * z1 + 0.6 * z2;
  }
  return { n, x1, x2, label };
}
