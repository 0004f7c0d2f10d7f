import { describe, expect, it } from 'vitest';
import { expBatch, wasmGrid } from '../../../src/surfaces/grid/gridKernels.ts';
import { WASM_BYTES } from '../../../src/surfaces/grid/gridKernels.wasm.ts';
import { LN_PAIRS, lnAtLeastOne } from '../../../src/surfaces/grid/gridLog.ts';
import { jsPasses } from '../../../src/surfaces/grid/gridPasses.ts';
import { allocGridSample } from '../../../src/surfaces/grid/gridSample.ts';
import { EXP2_TABLE, LN_TABLE } from '../../../src/surfaces/grid/mathTables.ts';
import { randomStream } from '../expression/random.ts';

/**
 * The grid's own exp and log (gridLog.ts, gridKernels.wat): measured against V8's Math.exp and
 * Math.log (fdlibm's, themselves within 1 ulp of exact), and the WebAssembly log against its
 * JavaScript twin bit for bit.
 */
const word = new Float64Array(1);
const signed = new BigInt64Array(word.buffer);
const bitsOf = (x: number): bigint => ((word[0] = x), signed[0]);
/** How many doubles apart two finite results of the same sign are. */
const ulpsApart = (a: number, b: number): number => Math.abs(Number(bitsOf(a) - bitsOf(b)));

const SPECIAL_LN = [0.5, 0, -0, -1, -Infinity, NaN, Infinity, Number.MIN_VALUE, 1 - 2 ** -53];
const SPECIAL_EXP = [
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  708,
  -708,
  708.0000001,
  -708.0000001,
  709.78,
  710,
  -740,
  -745,
  -746,
  1e308,
  -1e308,
];

describe('the grid log (lnAtLeastOne)', () => {
  it('is within 1 ulp of Math.log for u ≥ 1, over the whole range and close to 1', () => {
    const rand = randomStream(11);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const u = i % 2 === 0 ? Math.exp(rand() * 709.7) : 1 + rand() * 2 ** -(rand() * 60);
      worst = Math.max(worst, ulpsApart(lnAtLeastOne(u), Math.log(u)));
    }
    for (let e = 0; e < 1024; e++)
      worst = Math.max(worst, ulpsApart(lnAtLeastOne(2 ** e), Math.log(2 ** e)));
    expect(worst).toBeLessThanOrEqual(1);
    expect(lnAtLeastOne(1)).toBe(0);
    expect(lnAtLeastOne(Number.MAX_VALUE)).toBeCloseTo(709.782712893384, 12);
  });

  it('is Math.log itself below 1, at ∞ and for NaN', () => {
    for (const u of SPECIAL_LN) expect(Object.is(lnAtLeastOne(u), Math.log(u))).toBe(true);
  });

  it('has the same bits in the WebAssembly kernel, two lanes at a time, odd counts and special lanes included', () => {
    // writeLog's logs land in the grid's scratch array; n = 5 gives an odd count (25).
    const rand = randomStream(12);
    for (let round = 0; round < 40; round++) {
      const n = 5 + (round % 4);
      const wasm = allocGridSample(n);
      const js = allocGridSample(n, 'js');
      expect(wasm.passes).not.toBe(jsPasses);
      for (let k = 0; k < n * n; k++) {
        const r = rand();
        // fMin = 1 below: u = 1 + (f − 1), so special f values make special lanes.
        const v =
          r < 0.1
            ? SPECIAL_LN[Math.floor(rand() * SPECIAL_LN.length)]
            : r < 0.5
              ? 1 + Math.exp(rand() * 700)
              : 1 + rand() * 2 ** -(rand() * 55);
        wasm.f[k] = js.f[k] = v;
      }
      const t = { sx: 1, sy: 1, sz: 1, cx: 0, cy: 0 };
      wasm.passes.writeLog(wasm, 1, t);
      jsPasses.writeLog(js, 1, t);
      for (let k = 0; k < n * n; k++) {
        const same = Object.is(wasm.scratch[k], js.scratch[k]);
        if (!same) expect.fail(`u = ${1 + (js.f[k] - 1)}: ${wasm.scratch[k]} vs ${js.scratch[k]}`);
      }
    }
  });
});

describe('the batched exp (expBatch)', () => {
  it('is within 1 ulp of Math.exp wherever the result is a normal number', () => {
    const rand = randomStream(13);
    const batch = expBatch(1000);
    let worst = 0;
    for (let round = 0; round < 200; round++) {
      // Odd and even counts: the kernel takes two values at a time.
      const count = 999 - (round % 2);
      const xs = Float64Array.from({ length: count }, () =>
        round % 2 === 0 ? (2 * rand() - 1) * 708 : (2 * rand() - 1) * 2 ** -(rand() * 45),
      );
      batch.values.set(xs);
      batch.run(count);
      for (let i = 0; i < count; i++)
        worst = Math.max(worst, ulpsApart(batch.values[i], Math.exp(xs[i])));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('is Math.exp itself beyond ±708 (overflow, subnormals, underflow), at ±∞ and for NaN', () => {
    const batch = expBatch(SPECIAL_EXP.length);
    batch.values.set(SPECIAL_EXP);
    batch.run(SPECIAL_EXP.length);
    for (let i = 0; i < SPECIAL_EXP.length; i++) {
      const x = SPECIAL_EXP[i];
      if (Math.abs(x) <= 708) {
        expect(ulpsApart(batch.values[i], Math.exp(x))).toBeLessThanOrEqual(1);
        if (x === 0) expect(batch.values[i]).toBe(1);
      } else expect(Object.is(batch.values[i], Math.exp(x))).toBe(true);
    }
  });

  it('runs in WebAssembly here, leaves values past count alone, and grows on demand', () => {
    const small = expBatch(8);
    // In the kernels' memory the values follow the log's and the exp's tables; the fallback's
    // start at 0.
    expect(small.values.byteOffset).toBe(LN_PAIRS.byteLength + EXP2_TABLE.byteLength);
    small.values.fill(2);
    small.run(3);
    expect([...small.values.subarray(0, 4)]).toEqual([Math.exp(2), Math.exp(2), Math.exp(2), 2]);
    const big = expBatch(small.values.length + 1);
    expect(big.values.length).toBeGreaterThan(small.values.length);
    expect(wasmGrid(2)).not.toBeNull();
  });
});

describe('the tables and the module', () => {
  it('hold 2^(j/128) and ln(1 + i/128), each within 1 ulp of V8’s own, with the exact ones exact', () => {
    for (let j = 0; j < 128; j++) {
      expect(ulpsApart(EXP2_TABLE[j], 2 ** (j / 128))).toBeLessThanOrEqual(1);
      expect(ulpsApart(LN_TABLE[j], Math.log(1 + j / 128))).toBeLessThanOrEqual(1);
    }
    expect(EXP2_TABLE[0]).toBe(1);
    // Math.SQRT2 is by definition the double nearest √2 = 2^(64/128).
    expect(EXP2_TABLE[64]).toBe(Math.SQRT2);
    expect(LN_TABLE[0]).toBe(0);
  });

  it('is small enough for Chrome to compile synchronously on the main thread (< 4 KB)', () => {
    expect(WASM_BYTES.length).toBeLessThan(4096);
  });
});
