import { WASM_BYTES } from './gridKernels.wasm.ts';
import { finishSteepNormals, type GridPasses, type Transform } from './gridPasses.ts';
import type { GridSample } from './gridSample.ts';
import { gridArraysBytes, gridArraysIn, type GridArrays } from './gridArrays.ts';
import { BINS } from './select.ts';

/**
 * The grid sampler's per-vertex passes in WebAssembly (gridKernels.wat), bit-identical to the
 * JavaScript ones in gridPasses.ts and 2–4× faster. Each grid gets its own fixed-size memory
 * holding all its per-vertex arrays, so the passes read and write them in place; the memory
 * never grows, because growing would detach every view of it (and, once any buffer has been
 * detached, V8 checks every typed-array access in the page for detachment).
 */
interface KernelExports {
  writeLinear(...args: number[]): number;
  scanValid(f: number, mask: number, count: number): number;
  writeLog(...args: number[]): void;
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
      // Synchronous: the module is ~1 KB, well under browsers' main-thread limit for it.
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
  const module = kernelModule();
  if (!module) return null;
  const n2 = n * n;
  // The grid's arrays, then the histogram (4-byte aligned after the mask's bytes).
  const counts = Math.ceil(gridArraysBytes(n2) / 4) * 4;
  const pages = Math.ceil((counts + 4 * BINS) / 65536);
  let memory: WebAssembly.Memory;
  let exports: KernelExports;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, { env: { memory, log: Math.log } });
    exports = instance.exports as unknown as KernelExports;
  } catch {
    return null; // out of memory for a new instance: the plain arrays will do
  }
  const buf = memory.buffer;
  const arrays = gridArraysIn(buf, n2);
  const countsView = new Uint32Array(buf, counts, BINS);
  // The arguments writeLinear and writeLog share: where each array is, and the vertex count.
  const { f, gx, gy, mask, z, positions, normals } = arrays;
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
      exports.writeLog(...vertexArrays, fMin, t.sz, t.sz / t.sx, t.sz / t.sy);
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

/** A view's byte offset in the kernels' memory; a view of any other buffer is a bug. */
function offsetIn(buf: ArrayBuffer, view: ArrayBufferView): number {
  if (view.buffer !== buf) throw new Error('grid kernels: array outside their memory');
  return view.byteOffset;
}
