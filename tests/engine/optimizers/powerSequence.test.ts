import { describe, expect, it } from 'vitest';
import { PowerRecurrence } from '../../../src/engine/optimizers/powerRecurrence.ts';
import { PowerSequence } from '../../../src/engine/optimizers/powerSequence.ts';

// Expected values are CPython's float ** (C pow), which torch's optimizers use for β**step.
describe('PowerSequence (β^t rounded like C’s pow)', () => {
  it('matches C where Math.pow is an ulp off', () => {
    const s = new PowerSequence();
    const got: number[] = [];
    for (let t = 1; t <= 40; t++) got.push(s.at(0.9, 1, t));
    expect(got[3]).toBe(0.6561); // Math.pow(0.9, 4) is 0.6561000000000001
    expect(got[22]).toBe(0.08862938119652507);
    expect(got[28]).toBe(0.047101286972462485);
    expect(got[39]).toBe(0.014780882941434608);
  });

  it('agrees over thousands of consecutive steps', () => {
    const s = new PowerSequence();
    const at: Record<number, number> = {};
    for (let t = 1; t <= 5000; t++) at[t] = s.at(0.999, 1, t);
    expect(at[1000]).toBe(0.36769542477096373);
    expect(at[5000]).toBe(0.006721111959865588);
  });

  it('jumps in t and changes of base (OneCycleLR cycling β1) recompute', () => {
    const s = new PowerSequence();
    expect(s.at(0.9, 1, 4)).toBe(0.6561);
    expect(s.at(0.999, 1, 1000)).toBe(0.36769542477096373);
    expect(s.at(0.9, 1, 4999)).toBe(1.8126113170475857e-229);
    expect(s.at(0.5, 1, 3)).toBe(0.125);
  });

  it("rounds fractional exponents fl(t·y) as NAdam's 0.96 ** (step * momentum_decay)", () => {
    const s = new PowerSequence();
    let v7 = 0;
    let v4999 = 0;
    for (let t = 1; t <= 4999; t++) {
      const v = s.at(0.96, 0.004, t);
      if (t === 7) v7 = v;
      if (t === 4999) v4999 = v;
    }
    expect(v7).toBe(0.9988576371472279);
    expect(v4999).toBe(0.4420746134560107);
  });

  it('handles the edge bases and flushes powers too small to matter', () => {
    const s = new PowerSequence();
    expect(s.at(0, 1, 1)).toBe(0);
    expect(new PowerSequence().at(1, 1, 7)).toBe(1);
    expect(new PowerSequence().at(0.96, 0, 3)).toBe(1);
    const tiny = new PowerSequence();
    let last = 1;
    for (let t = 1; t <= 800; t++) last = tiny.at(0.3, 1, t);
    expect(last).toBe(0); // 0.3^800 ≈ 1e-418 underflows in C too
  });

  it('reads steady bases from shared tables that agree bit for bit with the recurrence', () => {
    for (const [x, y] of [
      [0.9, 1],
      [0.999, 1],
      [0.95, 1],
      [0.96, 0.004],
      [0.3, 1],
    ]) {
      const fresh = new PowerRecurrence();
      const a = new PowerSequence();
      const b = new PowerSequence(); // a second run with the same base shares a's table
      for (let t = 1; t <= 3000; t++) {
        const want = fresh.at(x, y, t);
        expect(a.at(x, y, t), `${x}^(${t}·${y})`).toBe(want);
        expect(b.at(x, y, t)).toBe(want);
      }
    }
  });

  it('follows a base that changes every step (OneCycleLR cycling β1) without tables', () => {
    const s = new PowerSequence();
    const ref = new PowerRecurrence();
    for (let t = 1; t <= 200; t++) {
      const beta1 = 0.85 + 0.1 * Math.abs(Math.sin(t / 7));
      expect(s.at(beta1, 1, t)).toBe(ref.at(beta1, 1, t));
    }
  });
});
