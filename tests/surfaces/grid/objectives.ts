import type { Objective2D } from '../../../src/engine/objective2d.ts';

/** Small analytic objectives for the grid tests (hess is unused by the sampler). */
export function objective(
  f: (x: number, y: number) => number,
  grad: (x: number, y: number) => readonly [number, number],
): Objective2D {
  return {
    f,
    grad(x, y, out) {
      const g = grad(x, y);
      out[0] = g[0];
      out[1] = g[1];
    },
    hess() {},
  };
}

export const paraboloid = objective(
  (x, y) => x * x + y * y,
  (x, y) => [2 * x, 2 * y],
);

export function plane(a: number, b: number, c: number): Objective2D {
  return objective(
    (x, y) => a * x + b * y + c,
    () => [a, b],
  );
}

/** Deterministic noise in [0, 1) for rank tests (the classic shader hash). */
export function hash(x: number, y: number): number {
  const s = Math.sin(12.9898 * x + 78.233 * y) * 43758.5453;
  return s - Math.floor(s);
}

export function unit(v: readonly number[]): number[] {
  const l = Math.hypot(...v);
  return v.map((c) => c / l);
}
