import type { Program } from './emit.ts';
import { execute } from './machine.ts';

/**
 * Plain functions over a compiled program. Each owns the program's register file and
 * overwrites it per call, so nothing allocates per call (and they are not reentrant, which a
 * single-threaded caller never needs).
 */
export function pointFunction(p: Program): (x: number, y: number) => number {
  const { code, registers: r } = p;
  const out = p.outputs[0];
  return (x, y) => {
    r[0] = x;
    r[1] = y;
    execute(code, r);
    return r[out];
  };
}

/** Several outputs written into a caller's array (the gradient, the Hessian). */
export function pointWriter(p: Program): (x: number, y: number, out: Float64Array) => void {
  const { code, registers: r, outputs } = p;
  return (x, y, out) => {
    r[0] = x;
    r[1] = y;
    execute(code, r);
    for (let i = 0; i < outputs.length; i++) out[i] = r[outputs[i]];
  };
}
