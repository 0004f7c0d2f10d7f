import { LN_TABLE } from './mathTables.ts';

/**
 * The natural log the log-height view uses, for u ≥ 1 (u = 1 + f − fMin): by table, the method
 * of Tang (1990) and of today's libm logs, in plain double arithmetic. Within 1 ulp of Math.log
 * (tests/surfaces/grid/gridMath.test.ts). Its WebAssembly twin (gridKernels.wat: lnHeights) takes
 * two values at a time: Math.log was two thirds of a log-height grid's sampling time, and with
 * the twin Rosenbrock's 256² grid went from 2.9 to 2.3 ms (npm run bench).
 *
 *   u = 2^e·m, m ∈ [1, 2); c = 1 + i/128 with i the top 7 bits of m's fraction, so c ≤ m < c + 1/128;
 *   ln u = e·ln 2 + ln c + ln(1 + r), r = (m − c)/c ∈ [0, 1/128),
 *
 * with ln c from a correctly rounded table (mathTables.ts), m − c exact (both in [1, 2), c a
 * prefix of m), and ln(1 + r) = r − r²/2 + … − r⁸/8 (the next term is below 2⁻⁵⁹·r). Every term
 * is ≥ 0 for u ≥ 1, so no cancellation: that is why the table path is only for u ≥ 1.
 * Elsewhere (u < 1, ∞, NaN) it is Math.log.
 *
 * The WebAssembly twin must give the same bits: the same operations in the same order.
 */
export function lnAtLeastOne(u: number): number {
  if (!(u >= 1 && u < Infinity)) return Math.log(u);
  word[0] = u;
  const hi = halves[1];
  const i = (hi >>> 13) & 127;
  const e = (hi >>> 20) - 1023;
  halves[1] = (hi & 0xfffff) | 0x3ff00000;
  const m = word[0];
  const r = (m - (1 + i / 128)) * INV_C[i];
  const r2 = r * r;
  const p = A1 + r * A2 + r2 * (A3 + r * A4 + r2 * (A5 + r * A6 + r2 * A7));
  return e * LN2_HI + LN_TABLE[i] + (e * LN2_LO + (r + r2 * p));
}

/** 1/c for each table entry (division rounds correctly, so this needs no generated table). */
const INV_C = Float64Array.from({ length: 128 }, (_, i) => 1 / (1 + i / 128));

/**
 * The table as the WebAssembly kernel reads it: (1/c, ln c) pairs, 16 bytes an entry, so one
 * index finds both.
 */
export const LN_PAIRS = Float64Array.from({ length: 256 }, (_, k) =>
  k % 2 === 0 ? INV_C[k >> 1] : LN_TABLE[k >> 1],
);

// ln 2 = LN2_HI + LN2_LO, LN2_HI with 21 trailing zero bits so that e·LN2_HI is exact (fdlibm's).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
// Taylor coefficients of ln(1 + r) from r²: −1/2, 1/3, …, −1/8 (the doubles nearest them).
const A1 = -0.5;
const A2 = 1 / 3;
const A3 = -0.25;
const A4 = 0.2;
const A5 = -1 / 6;
const A6 = 1 / 7;
const A7 = -0.125;

// The bits of a double (little-endian, as every platform that runs this is).
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);
