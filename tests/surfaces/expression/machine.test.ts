import { describe, expect, it } from 'vitest';
import { execute } from '../../../src/surfaces/expression/machine.ts';
import {
  FUNCTION_OF_MUL_OPS,
  FUNCTION_OPS,
  Op,
  WIDTH,
} from '../../../src/surfaces/expression/opcodes.ts';
import { REAL_FUNCTIONS } from '../../../src/surfaces/expression/realFunctions.ts';

/** What each opcode must compute from registers a, b, c (b is the immediate for POW_INT). */
const REFERENCE: Readonly<Record<keyof typeof Op, (a: number, b: number, c: number) => number>> = {
  ADD: (a, b) => a + b,
  SUB: (a, b) => a - b,
  MUL: (a, b) => a * b,
  DIV: (a, b) => a / b,
  POW: (a, b) => Math.pow(a, b),
  POW_INT: (a, n) => Math.pow(a, n),
  NEG: (a) => -a,
  SQUARE: (a) => a * a,
  SIN: Math.sin,
  COS: Math.cos,
  TAN: Math.tan,
  SINH: Math.sinh,
  COSH: Math.cosh,
  TANH: Math.tanh,
  EXP: Math.exp,
  LOG: Math.log,
  SQRT: Math.sqrt,
  ABS: Math.abs,
  ASIN: Math.asin,
  ACOS: Math.acos,
  ATAN: Math.atan,
  SIGN: Math.sign,
  SEC: (a) => 1 / Math.cos(a),
  CSC: (a) => 1 / Math.sin(a),
  COT: (a) => 1 / Math.tan(a),
  SECH: (a) => 1 / Math.cosh(a),
  CSCH: (a) => 1 / Math.sinh(a),
  COTH: (a) => 1 / Math.tanh(a),
  MUL_ADD: (a, b, c) => a + b * c,
  MUL_SUB: (a, b, c) => a - b * c,
  SUB_FROM_MUL: (a, b, c) => b * c - a,
  ADD_SQUARE: (a, b) => a + b * b,
  SUB_SQUARE: (a, b) => a - b * b,
  SQUARE_OF_SUB: (a, b) => (a - b) * (a - b),
  SQUARE_OF_ADD: (a, b) => (a + b) * (a + b),
  SIN_OF_MUL: (a, b) => Math.sin(a * b),
  COS_OF_MUL: (a, b) => Math.cos(a * b),
  EXP_OF_MUL: (a, b) => Math.exp(a * b),
};

const VALUES = [0.7, -1.3, 0, -0, 2.5, 1e-8, 123.4, NaN, Infinity];

/** Run one instruction d ← op(a, b, c) with a in r2, b in r3, c in r4, into r5. */
function runOne(op: number, a: number, b: number, c: number, immediate?: number): number {
  const r = Float64Array.from([0, 0, a, b, c, 0]);
  execute(Int32Array.from([op, 5, 2, immediate ?? 3, 4]), r);
  return r[5];
}

describe('register machine', () => {
  it('has dense opcodes 0..n−1, five words wide', () => {
    const codes = Object.values(Op).sort((p, q) => p - q);
    expect(codes).toEqual(codes.map((_, i) => i));
    expect(WIDTH).toBe(5);
  });

  it.each(Object.keys(Op) as (keyof typeof Op)[])('%s computes its reference exactly', (name) => {
    const op = Op[name];
    for (const a of VALUES)
      for (const b of VALUES.slice(0, 5))
        for (const c of [1.5, -0.25]) {
          if (name === 'POW_INT') {
            for (const n of [2, 3, 5, -1, -4, 0, 17]) {
              const got = runOne(op, a, 0, 0, n);
              const want = REFERENCE.POW_INT(a, n, 0);
              // Repeated squaring, not Math.pow: equal up to a few ulps.
              if (Number.isFinite(want) && want !== 0)
                expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(1e-14);
              else expect(got).toBe(want);
            }
            continue;
          }
          expect(runOne(op, a, b, c), `${name}(${a}, ${b}, ${c})`).toBe(REFERENCE[name](a, b, c));
        }
  });

  it('maps every function to the opcode of its real implementation', () => {
    for (const [fn, op] of Object.entries(FUNCTION_OPS)) {
      const name = (Object.keys(Op) as (keyof typeof Op)[]).find((k) => Op[k] === op)!;
      for (const v of VALUES) expect(REFERENCE[name](v, 0, 0)).toBe(REAL_FUNCTIONS[fn](v));
    }
    for (const [fn, op] of Object.entries(FUNCTION_OF_MUL_OPS))
      expect(runOne(op, 0.3, 2, 0)).toBe(REAL_FUNCTIONS[fn](0.3 * 2));
  });
});
