import { describe, expect, it } from 'vitest';
import { analyzeCurvature } from '../../src/engine/curvature.ts';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';
import { defaultParams } from '../../src/engine/validateParams.ts';
import { readHessian } from '../../src/view/panels/curvatureText.ts';

const e: [[number, number], [number, number]] = [
  [1, 0],
  [0, 1],
];

describe('readHessian', () => {
  it('orders the eigenpairs by value, largest first, whatever order they arrive in', () => {
    const r = readHessian([-2, 3], e);
    expect(r.eigen.map((p) => p.value)).toEqual([3, -2]);
    // Each eigenvalue keeps its own eigenvector.
    expect(r.eigen[0].vector).toEqual([0, 1]);
    expect(r.eigen[1].vector).toEqual([1, 0]);
  });

  it('calls a saddle’s Hessian indefinite and gives it no condition number', () => {
    const r = readHessian([2, -2], e);
    expect(r.definiteness).toBe('indefinite');
    expect(r.condition).toBeNull();
  });

  it('gives a bowl its condition number, and names the other cases', () => {
    const bowl = readHessian([50, 2], e);
    expect(bowl.definiteness).toBe('positive definite');
    expect(bowl.condition).toBe(25);
    expect(readHessian([-1, -4], e).definiteness).toBe('negative definite');
    expect(readHessian([-1, -4], e).condition).toBe(4);
    expect(readHessian([3, 0], e).definiteness).toBe('positive semidefinite');
    expect(readHessian([3, 0], e).condition).toBeNull();
    expect(readHessian([0, -3], e).definiteness).toBe('negative semidefinite');
    expect(readHessian([0, 0], e).definiteness).toBe('singular');
  });

  it('reads the catalog saddle’s centre (f = x² − k·y² + w·y⁴) as indefinite, λ1 = 2 > λ2 < 0', () => {
    const def = SURFACES.saddle;
    const params = defaultParams(def.params);
    const c = analyzeCurvature(def.create(params, { seed: 1 }), 0, 0);
    const r = readHessian(c.eigenvalues, c.eigenvectors);
    expect(r.eigen[0].value).toBeCloseTo(2, 12);
    expect(r.eigen[1].value).toBeLessThan(0);
    expect(r.definiteness).toBe('indefinite');
    expect(r.condition).toBeNull();
  });
});
