import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { onLandscape } from './onLandscape.ts';

// f = x² + 10y²: ∇f = (2x, 20y).
const bowl = (x: number, y: number) => [2 * x, 20 * y] as const;

describe('SAM', () => {
  const sam = OPTIMIZERS.sam;

  it("lists rho, base, then the base optimizer's own parameters", () => {
    const names = (raw: Record<string, unknown>) => sam.specsFor!(raw).map((s) => s.name);
    expect(names({ base: 'adam' })).toEqual([
      'rho',
      'base',
      ...OPTIMIZERS.adam.params.map((s) => s.name),
    ]);
    expect(names({ base: 'lion' })).toEqual([
      'rho',
      'base',
      ...OPTIMIZERS.lion.params.map((s) => s.name),
    ]);
    // A missing or unknown base falls back to the default (the choice spec rejects it).
    const sgd = ['rho', 'base', ...OPTIMIZERS.sgd.params.map((s) => s.name)];
    expect(names({})).toEqual(sgd);
    expect(names({ base: 'nope' })).toEqual(sgd);
    expect(names({ base: 'sam' })).toEqual(sgd);
    expect(sam.params.map((s) => s.name)).toEqual(sgd);
  });

  it('offers every gradient-only optimizer as its base (not Muon, LBFGS, Newton or itself)', () => {
    const base = sam.specsFor!({}).find((s) => s.name === 'base');
    expect(base?.kind === 'choice' && base.choices).toEqual([
      'sgd',
      'adagrad',
      'rmsprop',
      'adadelta',
      'adam',
      'adamw',
      'adamax',
      'nadam',
      'radam',
      'lion',
      'rprop',
      'asgd',
      'adafactor',
      'lamb',
      'lars',
      'schedulefree_adamw',
    ]);
  });

  it('cycles whatever its base cycles under OneCycleLR', () => {
    expect(sam.cycledMomentumFor!({ base: 'sgd' })).toBe('momentum');
    expect(sam.cycledMomentumFor!({ base: 'adamw' })).toBe('beta1');
    expect(sam.cycledMomentumFor!({ base: 'adagrad' })).toBeNull();
  });

  it('takes the gradient at w + ρ·g/(‖g‖ + 1e-12) and steps from w with it', () => {
    const r = onLandscape('sam', { base: 'sgd', rho: 0.5, lr: 0.01 }, bowl);
    r.p.set([3, 0.2]); // g = (6, 4), ‖g‖ = √52
    r.step();
    const scale = 0.5 / (Math.sqrt(52) + 1e-12);
    const ascent = [3 + 6 * scale, 0.2 + 4 * scale];
    // Besides the iterates themselves, the gradient was taken at one point: the ascent point.
    const isIterate = ([x, y]: [number, number]) =>
      (x === 3 && y === 0.2) || (x === r.p[0] && y === r.p[1]);
    const elsewhere = r.gradCalls.filter((c) => !isIterate(c));
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0][0]).toBeCloseTo(ascent[0], 14);
    expect(elsewhere[0][1]).toBeCloseTo(ascent[1], 14);
    // Plain SGD at the original point with the ascent-point gradient.
    expect(r.p[0]).toBeCloseTo(3 - 0.01 * 2 * ascent[0], 14);
    expect(r.p[1]).toBeCloseTo(0.2 - 0.01 * 20 * ascent[1], 14);
  });

  it('stays put at a stationary point (the ε keeps ρ·g/‖g‖ finite)', () => {
    const r = onLandscape('sam', { base: 'adam', rho: 0.05, lr: 0.1 }, bowl);
    r.step();
    expect(r.gradCalls.length).toBeGreaterThan(0);
    expect(r.gradCalls.every(([x, y]) => x === 0 && y === 0)).toBe(true);
    expect(Array.from(r.p)).toEqual([0, 0]);
  });

  it("uses the base's weight decay and reports the base's momentum", () => {
    const r = onLandscape('sam', { base: 'sgd', rho: 0, lr: 0.1, momentum: 0.9 }, bowl);
    r.p.set([1, 0]);
    expect(r.momentum()).toBeNull();
    r.step(); // ρ = 0: the ascent point is w itself, so this is one SGD-momentum step
    expect(r.momentum()).toEqual([2, 0]);
    expect(r.p[0]).toBeCloseTo(1 - 0.1 * 2, 15);

    const decayed = onLandscape(
      'sam',
      { base: 'adamw', rho: 0.05, lr: 0.1, weight_decay: 0.5 },
      () => [0, 0],
    );
    decayed.p.set([2, -4]);
    decayed.step(); // zero gradient: only AdamW's decoupled shrink w·(1 − lr·λ) acts
    expect(Array.from(decayed.p)).toEqual([2 * 0.95, -4 * 0.95]);
  });
});
