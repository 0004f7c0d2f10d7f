import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../../src/engine/objective.ts';
import { defaultParams } from '../../../src/engine/validateParams.ts';
import { SURFACE_LIST } from '../../../src/surfaces/catalog/index.ts';
import { allocGridSample, type GridSample } from '../../../src/surfaces/grid/gridSample.ts';
import { jsPasses } from '../../../src/surfaces/grid/gridPasses.ts';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import { ranksOfValid } from '../../../src/surfaces/grid/select.ts';
import type { GridOptions } from '../../../src/surfaces/grid/gridSample.ts';
import type { Domain } from '../../../src/surfaces/surface.ts';
import { hash, objective } from './objectives.ts';
import { randomStream } from '../expression/random.ts';

/** Sample with the WebAssembly kernels and with the JavaScript passes. */
function bothPaths(
  o: Objective,
  d: Domain,
  n: number,
  opts: GridOptions,
): [GridSample, GridSample] {
  const wasm = sampleGrid(o, d, n, opts, allocGridSample(n));
  const js = sampleGrid(o, d, n, opts, allocGridSample(n, 'js'));
  return [wasm, js];
}

/** The first element where two arrays differ as bits (NaN payloads and −0 included), or −1. */
function firstDifference(a: Float64Array | Float32Array | Uint8Array, b: typeof a): number {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return -1;
}

function expectIdentical(wasm: GridSample, js: GridSample): void {
  for (const key of ['f', 'gx', 'gy', 'mask', 'z', 'positions', 'normals'] as const)
    expect({ buffer: key, at: firstDifference(wasm[key], js[key]) }).toEqual({
      buffer: key,
      at: -1,
    });
  expect(wasm.stats).toEqual(js.stats);
}

describe('the WebAssembly grid kernels', () => {
  it('are what the default sampler uses here, so the benchmark times them', () => {
    expect(allocGridSample(4).passes).not.toBe(jsPasses);
    expect(allocGridSample(4, 'js').passes).toBe(jsPasses);
  });

  it('are the compiled gridKernels.wat, byte for byte', () => {
    // Exits non-zero (and execFileSync throws) when the committed bytes are stale.
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toBe('');
  });

  for (const s of SURFACE_LIST)
    it(`give the JavaScript passes' buffers bit for bit: ${s.id}`, () => {
      const params = defaultParams(s.params);
      const o = s.create(params, { seed: 1 });
      const d = s.domain(params);
      for (const heightMode of ['linear', 'log'] as const) {
        expectIdentical(...bothPaths(o, d, 48, { heightMode }));
        // Another size, scale and centre (an odd n puts a vertex on each axis).
        const opts = { heightMode, scaleX: 0.3, scaleY: 2, scaleZ: 0.05, centerX: d.xMin };
        expectIdentical(...bothPaths(o, d, 33, opts));
      }
    });

  const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const cases: [string, Objective][] = [
    [
      'NaN and −∞ (log x)',
      objective(
        (x, y) => Math.log(x) + y,
        (x) => [1 / x, 1],
      ),
    ],
    [
      '+∞ and beyond float32',
      objective(
        (x) => (x > 0.5 ? Infinity : x < -0.5 ? 1e39 : x),
        () => [1, 0],
      ),
    ],
    [
      'an infinite slope (∛x)',
      objective(
        (x) => Math.cbrt(x),
        (x) => [1 / (3 * Math.cbrt(x) ** 2), 0],
      ),
    ],
    [
      'a gradient whose square overflows',
      objective(
        (x) => x,
        (_, y) => [1e200, y > 0 ? -1e300 : 0],
      ),
    ],
    [
      'NaN gradients',
      objective(
        (x) => x,
        () => [NaN, 0],
      ),
    ],
    [
      'nowhere finite',
      objective(
        () => NaN,
        () => [NaN, NaN],
      ),
    ],
    [
      'noise with one spike (both percentiles in one bin)',
      objective(
        (x, y) => (x === 1 && y === 1 ? 1e12 : hash(x, y)),
        () => [0, 0],
      ),
    ],
    [
      'values over forty orders of magnitude (log heights over their whole range)',
      objective(
        (x, y) => Math.exp(92 * hash(x, y)) - 1,
        () => [1, -1],
      ),
    ],
    [
      'a constant',
      objective(
        () => 3,
        () => [0, 0],
      ),
    ],
  ];
  for (const [name, o] of cases)
    it(`give the JavaScript passes' buffers bit for bit: ${name}`, () => {
      for (const heightMode of ['linear', 'log'] as const)
        for (const n of [2, 9, 64]) expectIdentical(...bothPaths(o, domain, n, { heightMode }));
    });
});

describe('the WebAssembly grid kernels, fuzzed against their JavaScript twins', () => {
  // Deterministic pseudo-random grids mixing the values that test rounding and
  // masking: ±0, subnormals, float32's limits and just past them, huge and tiny magnitudes,
  // NaN and ±∞, in f and in the gradients, with negative, tiny and huge scale factors, and each
  // grid reused across both height modes (stale buffers must not leak through).
  const rand = randomStream(2024);
  const F32 = 3.4028234663852886e38;
  const special = [0, -0, 1, -1, 5e-324, -1e-310, 1e200, -1e200, 1.7e308, NaN, Infinity, -Infinity];
  special.push(F32, -F32, 3.4028235677973366e38, 1e154, -1.4e154, 1e-154);
  const pick = () =>
    rand() < 0.4
      ? special[Math.floor(rand() * special.length)]
      : (rand() - 0.5) * 10 ** Math.floor(rand() * 80 - 40);
  const scales = [1, -1, 1e-300, -2, 0.3, 1e-10, 1e10, 1e300];
  const scale = () => scales[Math.floor(rand() * scales.length)];
  const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  it('give the same buffers bit for bit on 600 random grids', () => {
    for (let trial = 0; trial < 300; trial++) {
      const n = [2, 3, 5, 8, 17][Math.floor(rand() * 5)];
      const values = [0, 1, 2].map(() => Array.from({ length: n * n }, pick));
      const o: Objective = {
        f: () => NaN,
        grad() {},
        hess() {},
        fgGrid(_xs, _ys, f, gx, gy) {
          f.set(values[0]);
          gx.set(values[1]);
          gy.set(values[2]);
        },
      };
      const wasm = allocGridSample(n);
      const js = allocGridSample(n, 'js');
      for (const heightMode of ['log', 'linear'] as const) {
        const opts = { heightMode, scaleX: scale(), scaleY: scale(), scaleZ: scale() };
        sampleGrid(o, domain, n, opts, wasm);
        sampleGrid(o, domain, n, opts, js);
        expectIdentical(wasm, js);
      }
    }
  });

  it('select the same ranks as the JavaScript passes and a full sort', () => {
    const n = 64;
    const wasm = allocGridSample(n);
    const js = allocGridSample(n, 'js');
    const out = new Float64Array(2);
    for (let trial = 0; trial < 40; trial++) {
      // Ties, one-ulp clusters and a spike, under a random mask.
      const kind = trial % 4;
      let lo = Infinity;
      let hi = -Infinity;
      let valid = 0;
      for (let k = 0; k < n * n; k++) {
        const r = rand();
        const v =
          kind === 0
            ? r
            : kind === 1
              ? Math.floor(r * 5)
              : kind === 2
                ? 1 + (r < 0.5 ? 2 ** -52 : 0)
                : r;
        const masked = rand() < 0.1 ? 1 : 0;
        for (const g of [wasm, js]) {
          g.f[k] = kind === 3 && k === 7 ? 1e30 : v;
          g.mask[k] = masked;
        }
        if (!masked) {
          valid++;
          lo = Math.min(lo, wasm.f[k]);
          hi = Math.max(hi, wasm.f[k]);
        }
      }
      const sorted = wasm.f.filter((_, k) => wasm.mask[k] === 0).sort();
      const kLo = Math.floor(rand() * valid);
      const kHi = kLo + Math.floor(rand() * (valid - kLo));
      for (const g of [wasm, js]) {
        ranksOfValid(g.f, g.mask, n * n, kLo, kHi, lo, hi, g.scratch, out, g.passes);
        expect([out[0], out[1]]).toEqual([sorted[kLo], sorted[kHi]]);
      }
    }
  });
});
