import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../../src/engine/objective.ts';
import { defaultParams } from '../../../src/engine/validateParams.ts';
import { SURFACE_LIST } from '../../../src/surfaces/catalog/index.ts';
import { allocGridSample, type GridSample } from '../../../src/surfaces/grid/gridSample.ts';
import { jsPasses } from '../../../src/surfaces/grid/gridPasses.ts';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import type { GridOptions } from '../../../src/surfaces/grid/gridSample.ts';
import type { Domain } from '../../../src/surfaces/surface.ts';
import { hash, objective } from './objectives.ts';

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
