import { readFileSync } from 'node:fs';
import { trainFixtureNetwork } from './fixtureRun.ts';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../src/models/activations.ts';
import type { DatasetSpec } from '../../src/models/datasets.ts';
import { lineLosses } from '../../src/models/landscape/interpolate.ts';
import { filterNormalizedPlane } from '../../src/models/landscape/filterNormalized.ts';
import { pcaPlane } from '../../src/models/landscape/pcaPlane.ts';
import { topEigenvalue } from '../../src/models/landscape/sharpness.ts';
import {
  gridAxis,
  planeLosses,
  planeThroughPoints,
  projectOntoPlane,
} from '../../src/models/landscape/plane.ts';
import { compare, describeMismatch, merge, TOL } from '../engine/fixtureCompare.ts';

interface SliceCase {
  name: string;
  model: {
    data: DatasetSpec;
    hidden: number[];
    activation: ActivationName;
    residual: boolean;
    batch_size: number;
    shuffle: boolean;
  };
  optimizer: string;
  params: Record<string, unknown>;
  steps: number;
  weights_init: number[];
  hessian_eigenvalues?: number[];
  slice?: {
    seed: number;
    span: number;
    resolution: number;
    alphas: number[];
    losses: number[][];
    d1: number[];
    d2: number[];
    pca: { explained: [number, number]; d1: number[]; d2: number[] };
  };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch_mlp.json', import.meta.url), 'utf8'),
) as { cases: SliceCase[] };

/** Train the case's network as the lab does; its objective, the run and its last iterate. */
function trained(c: SliceCase) {
  const { built, r, end } = trainFixtureNetwork(c);
  const scratch = new Float64Array(r.dim);
  const loss = (w: Float64Array) => built.objective.lossGrad(w, scratch);
  return { objective: built.objective, r, loss, end };
}

describe('landscape slices of a trained network match torch', () => {
  for (const c of fixture.cases.filter((k) => k.slice)) {
    const sl = c.slice!;
    it(`${c.name}: the filter-normalised plane and its losses`, () => {
      const { objective, loss, end } = trained(c);
      const plane = filterNormalizedPlane(objective.shapes, end, sl.seed);
      const axis = gridAxis(sl.span, sl.resolution);
      const losses = planeLosses(plane, axis, axis, loss);
      const cmp = merge(
        compare('alphas', axis, sl.alphas),
        compare('d1', plane.d1, sl.d1),
        compare('d2', plane.d2, sl.d2),
        compare('losses', losses, sl.losses.flat()),
      );
      expect(cmp.first, describeMismatch(cmp.first)).toBeNull();
      expect(cmp.worst).toBeLessThanOrEqual(TOL);
      // The centre of the grid is the trained network itself.
      const mid = (sl.resolution - 1) / 2;
      expect(losses[mid * sl.resolution + mid]).toBe(loss(end));
    });

    it(`${c.name}: the PCA plane of its path, and what it explains`, () => {
      const { r, end } = trained(c);
      const pca = pcaPlane(r.trajectory.subarray(0, r.points * r.dim), r.dim, end);
      expect(pca.explained[0]).toBeCloseTo(sl.pca.explained[0], 9);
      expect(pca.explained[1]).toBeCloseTo(sl.pca.explained[1], 9);
      expect(merge(compare('pca d1', pca.d1, sl.pca.d1)).worst).toBeLessThan(1e-7);
      expect(merge(compare('pca d2', pca.d2, sl.pca.d2)).worst).toBeLessThan(1e-7);
      // The start lies off the plane by what the two directions leave unexplained, never
      // more than its whole offset; the centre itself is the origin of the plane.
      const at = { alpha: 0, beta: 0, distance: 0 };
      projectOntoPlane(pca, r.trajectory.subarray(0, r.dim), at);
      let offset = 0;
      for (let i = 0; i < r.dim; i++) offset += (r.trajectory[i] - end[i]) ** 2;
      expect(at.distance).toBeLessThan(Math.sqrt(offset));
      expect(Math.hypot(at.alpha, at.beta, at.distance)).toBeCloseTo(Math.sqrt(offset), 9);
      projectOntoPlane(pca, end, at);
      expect([at.alpha, at.beta, at.distance]).toEqual([0, 0, 0]);
    });
  }
});

describe('sharpness of a trained network matches torch', () => {
  for (const c of fixture.cases.filter((k) => k.hessian_eigenvalues)) {
    it(`${c.name}: power iteration on exact H·v finds torch's extreme eigenvalue`, () => {
      const { objective, end } = trained(c);
      const eig = c.hessian_eigenvalues!;
      const extreme = Math.abs(eig[0]) > Math.abs(eig[eig.length - 1]) ? eig[0] : eig.at(-1)!;
      const top = topEigenvalue((v, out) => objective.hvp(end, v, out), end.length, {
        maxIterations: 5000,
        tolerance: 1e-13,
      });
      expect(Math.abs(top.value - extreme) / Math.abs(extreme)).toBeLessThan(1e-8);
    });
  }
});

describe('planes through points and lines between them', () => {
  const a = Float64Array.from([0, 0, 0]);
  const b = Float64Array.from([2, 0, 0]);
  const c = Float64Array.from([1, 3, 0]);
  it('puts a at (0, 0), b at (1, 0) and c at (its projection, 1), all on the plane', () => {
    const plane = planeThroughPoints(a, b, c);
    const at = { alpha: 0, beta: 0, distance: 0 };
    projectOntoPlane(plane, b, at);
    expect([at.alpha, at.beta, at.distance]).toEqual([1, 0, 0]);
    projectOntoPlane(plane, c, at);
    expect(at.alpha).toBeCloseTo(0.5, 15);
    expect(at.beta).toBeCloseTo(1, 15);
    expect(at.distance).toBeCloseTo(0, 15);
    projectOntoPlane(plane, Float64Array.from([1, 1, 2]), at);
    expect(at.distance).toBeCloseTo(2, 15);
  });

  it('interpolates the loss from a (t = 0) to b (t = 1)', () => {
    const f = (w: Float64Array) => w[0] * w[0] + w[1];
    const out = lineLosses(a, c, Float64Array.from([0, 0.5, 1, 2]), f);
    // t = 2 extrapolates to 2c = (2, 6, 0).
    expect(Array.from(out)).toEqual([0, 0.25 + 1.5, 4, 10]);
  });
});
