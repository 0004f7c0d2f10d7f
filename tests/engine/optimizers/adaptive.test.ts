import { describe, expect, it } from 'vitest';
import { onLandscape } from './onLandscape.ts';

/** Displacements of x over n steps on the plane f = s·(x + y) (constant gradient (s, s)). */
function stepsOnPlane(id: string, raw: Record<string, unknown>, slope: number, n: number) {
  const r = onLandscape(id, raw, () => [slope, slope]);
  const moves: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = r.p[0];
    r.step();
    moves.push(before - r.p[0]);
  }
  return moves;
}

describe('what the adaptive optimizers do with the gradient’s scale', () => {
  it("Adam's first step is lr per weight whatever the gradient's size", () => {
    for (const slope of [1e-3, 1, 1e4]) {
      const [first] = stepsOnPlane('adam', { lr: 0.01 }, slope, 1);
      expect(first).toBeCloseTo(0.01, 6);
    }
  });

  it('Adagrad slows down as squared gradients accumulate (steps ∝ 1/√t)', () => {
    const moves = stepsOnPlane('adagrad', { lr: 0.1 }, 5, 16);
    expect(moves[0]).toBeCloseTo(0.1, 9);
    expect(moves[3]).toBeCloseTo(0.1 / 2, 9);
    expect(moves[15]).toBeCloseTo(0.1 / 4, 9);
  });

  it('RAdam takes plain momentum steps until ρₜ > 5, then rectified adaptive ones', () => {
    const small = stepsOnPlane('radam', { lr: 0.01 }, 1, 8);
    const large = stepsOnPlane('radam', { lr: 0.01 }, 1000, 8);
    // β2 = 0.999: ρ₁..ρ₅ ≤ 5, so the first five steps are lr·m̂ = lr·slope.
    for (let t = 0; t < 5; t++) expect(large[t] / small[t]).toBeCloseTo(1000, 6);
    expect(small[0]).toBeCloseTo(0.01, 12);
    // From step 6 the step is lr·r(ρₜ)·m̂/(√v̂ + ε): independent of the slope.
    for (let t = 5; t < 8; t++) expect(large[t] / small[t]).toBeCloseTo(1, 6);
    expect(small[5]).toBeLessThan(0.01);
  });

  it('Lion moves every weight by exactly ±lr (and not at all where g = 0)', () => {
    const r = onLandscape('lion', { lr: 0.25 }, () => [1e-6, 0]);
    r.p.set([1, 1]);
    r.step();
    r.step();
    expect(Array.from(r.p)).toEqual([0.5, 1]);
  });

  it("centered RMSprop divides by the gradient's variance, so a steady slope moves faster", () => {
    const [plain] = stepsOnPlane('rmsprop', { lr: 0.01 }, 2, 1);
    const [centered] = stepsOnPlane('rmsprop', { lr: 0.01, centered: true }, 2, 1);
    expect(plain).toBeCloseTo(0.01 / Math.sqrt(0.01), 6);
    expect(centered).toBeCloseTo(0.01 / Math.sqrt(0.01 - 0.0001), 6);
  });

  it('Adadelta needs no learning rate scale: its first step is about √ε', () => {
    const [first] = stepsOnPlane('adadelta', {}, 100, 1);
    // Δ = √(0 + ε)/√(0.1·g² + ε) · g ≈ √ε/√0.1.
    expect(first).toBeCloseTo(Math.sqrt(1e-6) / Math.sqrt(0.1), 9);
  });
});

describe('weight decay: coupled L2 versus decoupled', () => {
  const flat = () => [0, 0] as const;

  it('AdamW shrinks the weights by exactly (1 − lr·λ) per step on a flat landscape', () => {
    const r = onLandscape('adamw', { lr: 0.1, weight_decay: 0.5 }, flat);
    r.p.set([4, -2]);
    r.step();
    r.step();
    expect(Array.from(r.p)).toEqual([4 * 0.95 * 0.95, -2 * 0.95 * 0.95]);
  });

  it("Adam's L2 term is rescaled like a gradient: the first step is lr whatever λ and w", () => {
    for (const [wd, w] of [
      [0.5, 4],
      [1e-3, 100],
    ]) {
      const r = onLandscape('adam', { lr: 0.1, weight_decay: wd }, flat);
      r.p.set([w, 0]);
      r.step();
      expect(w - r.p[0]).toBeCloseTo(0.1, 6);
    }
  });
});
