import { WASM_BYTES } from './gridKernels.wasm.ts';
import { finishSteepNormals, type GridPasses, type Transform } from './gridPasses.ts';
import type { GridSample } from './gridSample.ts';
import { gridArraysBytes, gridArraysIn, type GridArrays } from './gridArrays.ts';
import { BINS } from './select.ts';
import { LN_PAIRS } from './gridLog.ts';
import { EXP2_TABLE } from './mathTables.ts';

/**
 * The grid sampler's per-vertex passes in WebAssembly (gridKernels.wat), bit-identical to the
 * JavaScript ones in gridPasses.ts and 2–4× faster; with them, two helpers for surfaces' grid
 * loops: a batched exp (expBatch) and the logistic surface's sums (kernelMemory, used by
 * catalog/data/logisticGrid.ts). Each grid gets its own fixed-size memory holding all its
 * per-vertex arrays, so the passes read and write them in place; no memory ever grows, because
 * growing would detach every view of it (and, once any buffer has been detached, V8 checks every
 * typed-array access in the page for detachment): a helper that needs more gets a new instance.
 *
 * The module needs WebAssembly's SIMD (every current browser has it): where it does not
 * compile, everything here falls back to JavaScript.
 */
interface KernelExports {
  writeLinear(...args: number[]): number;
  scanValid(f: number, mask: number, count: number): number;
  writeLog(...args: number[]): void;
  lnHeights(f: number, out: number, count: number, fMin: number, table: number): void;
  expInPlace(values: number, count: number, table: number): void;
  logisticGrid(...args: number[]): void;
  countBins(...args: number[]): void;
  gatherBins(...args: number[]): number;
  lo: WebAssembly.Global;
  hi: WebAssembly.Global;
  loZ: WebAssembly.Global;
  hiZ: WebAssembly.Global;
  back: WebAssembly.Global;
  steep: WebAssembly.Global;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly is unavailable or refused. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      // Synchronous: the module is under Chrome's 4 KB limit for that on the main thread (a
      // test holds it there).
      compiled = new WebAssembly.Module(WASM_BYTES);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * The arrays of an n × n grid in a fresh WebAssembly memory, with passes bound to it; null where
 * WebAssembly is unavailable (the caller then uses plain arrays and the JavaScript passes).
 */
export function wasmGrid(n: number): { arrays: GridArrays; passes: GridPasses } | null {
  const n2 = n * n;
  // After the tables: the grid's arrays, then the histogram (4-byte aligned after the mask's
  // bytes).
  const arraysBytes = Math.ceil(gridArraysBytes(n2) / 4) * 4;
  const kernels = instantiate(arraysBytes + 4 * BINS);
  if (!kernels) return null;
  const { buf, exports, base } = kernels;
  const arrays = gridArraysIn(buf, n2, base);
  const counts = base + arraysBytes;
  const countsView = new Uint32Array(buf, counts, BINS);
  // The arguments writeLinear and writeLog share: where each array is, and the vertex count.
  const { f, gx, gy, mask, z, positions, normals, scratch } = arrays;
  const vertexArrays = [f, gx, gy, mask, z, positions, normals].map((v) => v.byteOffset);
  vertexArrays.push(n2);
  const passes: GridPasses = {
    writeLinear(g: GridSample, t: Transform, range: Float64Array): number {
      const valid = exports.writeLinear(...vertexArrays, t.sz, t.sz / t.sx, t.sz / t.sy);
      range[0] = exports.lo.value as number;
      range[1] = exports.hi.value as number;
      if ((exports.steep.value as number) > 0) finishSteepNormals(g, t, NaN);
      return valid;
    },
    scanValid(_g: GridSample, range: Float64Array): number {
      const valid = exports.scanValid(f.byteOffset, mask.byteOffset, n2);
      range[0] = exports.lo.value as number;
      range[1] = exports.hi.value as number;
      return valid;
    },
    writeLog(g: GridSample, fMin: number, t: Transform): void {
      // The logs first, in a loop of their own (see gridKernels.wat), into the scratch array.
      exports.lnHeights(f.byteOffset, scratch.byteOffset, n2, fMin, LN_AT);
      exports.writeLog(...vertexArrays, scratch.byteOffset, fMin, t.sz, t.sz / t.sx, t.sz / t.sy);
      if ((exports.steep.value as number) > 0) finishSteepNormals(g, t, fMin);
    },
    countBins(values, maskArr, count, lo, scale) {
      exports.countBins(
        offsetIn(buf, values),
        offsetIn(buf, maskArr),
        count,
        lo,
        scale,
        counts,
        BINS,
      );
      return countsView;
    },
    gatherBins(values, maskArr, count, lo, scale, binLo, binHi, scratchArr, gathered) {
      gathered[0] = exports.gatherBins(
        offsetIn(buf, values),
        offsetIn(buf, maskArr),
        count,
        lo,
        scale,
        BINS,
        binLo,
        binHi,
        offsetIn(buf, scratchArr),
      );
      gathered[1] = exports.back.value as number;
      gathered[2] = exports.lo.value as number;
      gathered[3] = exports.hi.value as number;
      gathered[4] = exports.loZ.value as number;
      gathered[5] = exports.hiZ.value as number;
    },
  };
  return { arrays, passes };
}

/**
 * exp of many values at once, for surfaces' grid loops (gridKernels.wat: expInPlace, two lanes at
 * a time, within 1 ulp of Math.exp; 2–5× as fast as calling Math.exp per value, copying the
 * arguments in included: npm run bench): write the arguments into `values`, call run(count), read
 * the results from `values`.
 */
export interface ExpBatch {
  readonly values: Float64Array;
  run(count: number): void;
}

let sharedBatch: ExpBatch | undefined;

/**
 * A batch of at least `capacity` values, shared: its contents last until the next call that uses
 * it, so take the results before calling anything that might. Math.exp where WebAssembly is
 * unavailable.
 */
export function expBatch(capacity: number): ExpBatch {
  if (sharedBatch && sharedBatch.values.length >= capacity) return sharedBatch;
  const size = Math.max(capacity, 1024);
  const kernels = instantiate(8 * size);
  if (!kernels) {
    const values = new Float64Array(size);
    sharedBatch = {
      values,
      run(count) {
        for (let i = 0; i < count; i++) values[i] = Math.exp(values[i]);
      },
    };
  } else {
    const { buf, exports, base } = kernels;
    sharedBatch = {
      values: new Float64Array(buf, base, size),
      run: (count) => exports.expInPlace(base, count, EXP_AT),
    };
  }
  return sharedBatch;
}

/** A kernel instance's memory: the log's table at `table`, free from `base` on. */
export interface KernelMemory {
  readonly buf: ArrayBuffer;
  readonly base: number;
  readonly table: number;
  readonly exports: Pick<KernelExports, 'logisticGrid'>;
}

let sharedMemory: KernelMemory | undefined;

/**
 * The kernels over a memory with `bytes` free from `base`, for a grid loop that lays out its own
 * arrays there (the logistic surface's); shared and grown on demand (a new instance), so a
 * caller's views last until its next call. Null where WebAssembly is unavailable.
 */
export function kernelMemory(bytes: number): KernelMemory | null {
  if (sharedMemory && sharedMemory.buf.byteLength - sharedMemory.base >= bytes) return sharedMemory;
  const kernels = instantiate(bytes);
  if (!kernels) return null;
  sharedMemory = { ...kernels, table: LN_AT };
  return sharedMemory;
}

/**
 * Every instance's memory starts with the tables its log and exp read: the log's (1/c, ln c)
 * pairs at LN_AT, the exp's 2^(j/128) at EXP_AT; the caller's arrays start at TABLES_END.
 */
const LN_AT = 0;
const EXP_AT = LN_AT + LN_PAIRS.byteLength;
const TABLES_END = EXP_AT + EXP2_TABLE.byteLength;

/**
 * A fresh instance of the kernels over a fixed-size memory holding the tables and at least
 * `bytes` more from `base`; null if none.
 */
function instantiate(
  bytes: number,
): { buf: ArrayBuffer; exports: KernelExports; base: number } | null {
  const module = kernelModule();
  if (!module) return null;
  const pages = Math.ceil((TABLES_END + bytes) / 65536);
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const env = { memory, log: Math.log, exp: Math.exp };
    const instance = new WebAssembly.Instance(module, { env });
    const buf = memory.buffer;
    new Float64Array(buf, LN_AT, LN_PAIRS.length).set(LN_PAIRS);
    new Float64Array(buf, EXP_AT, EXP2_TABLE.length).set(EXP2_TABLE);
    return { buf, exports: instance.exports as unknown as KernelExports, base: TABLES_END };
  } catch {
    return null; // out of memory for a new instance: the plain arrays will do
  }
}

/** A view's byte offset in the kernels' memory; a view of any other buffer is a bug. */
function offsetIn(buf: ArrayBuffer, view: ArrayBufferView): number {
  if (view.buffer !== buf) throw new Error('grid kernels: array outside their memory');
  return view.byteOffset;
}
