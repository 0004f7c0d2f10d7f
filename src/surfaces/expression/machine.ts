// The case numbers are the opcodes of opcodes.ts, written as literals so that the switch
// compiles to a jump table; tests/surfaces/expression/machine.test.ts checks every one.

/**
 * Runs compiled code on a register file: r[0] = x, r[1] = y, then the constants, then one
 * register per computed node.
 *
 * Why an interpreter rather than a tree of closures: one function serves every expression and
 * calls Math.* by name, so V8 optimizes it once and its speed does not depend on what else has
 * run, and values stay in the Float64Array (no boxing, no allocation per call). A closure tree
 * matched hand-written JS only while its caller's call site saw that one function (V8 then
 * inlines the whole tree); from a call site shared by several surfaces, as the app's grid
 * sampler and run loop are, it was 4.6× hand-written to this machine's 3.3× (Rastrigin, 256²).
 */
export function execute(code: Int32Array, r: Float64Array): void {
  const n = code.length;
  for (let pc = 0; pc < n; pc += 5) {
    const d = code[pc + 1];
    switch (code[pc]) {
      case 0:
        r[d] = r[code[pc + 2]] + r[code[pc + 3]];
        break;
      case 1:
        r[d] = r[code[pc + 2]] - r[code[pc + 3]];
        break;
      case 2:
        r[d] = r[code[pc + 2]] * r[code[pc + 3]];
        break;
      case 3:
        r[d] = r[code[pc + 2]] / r[code[pc + 3]];
        break;
      case 4:
        r[d] = Math.pow(r[code[pc + 2]], r[code[pc + 3]]);
        break;
      case 5:
        r[d] = powInt(r[code[pc + 2]], code[pc + 3]);
        break;
      case 6:
        r[d] = -r[code[pc + 2]];
        break;
      case 7:
        {
          const t = r[code[pc + 2]];
          r[d] = t * t;
        }
        break;
      case 8:
        r[d] = Math.sin(r[code[pc + 2]]);
        break;
      case 9:
        r[d] = Math.cos(r[code[pc + 2]]);
        break;
      case 10:
        r[d] = Math.tan(r[code[pc + 2]]);
        break;
      case 11:
        r[d] = Math.sinh(r[code[pc + 2]]);
        break;
      case 12:
        r[d] = Math.cosh(r[code[pc + 2]]);
        break;
      case 13:
        r[d] = Math.tanh(r[code[pc + 2]]);
        break;
      case 14:
        r[d] = Math.exp(r[code[pc + 2]]);
        break;
      case 15:
        r[d] = Math.log(r[code[pc + 2]]);
        break;
      case 16:
        r[d] = Math.sqrt(r[code[pc + 2]]);
        break;
      case 17:
        r[d] = Math.abs(r[code[pc + 2]]);
        break;
      case 18:
        r[d] = Math.asin(r[code[pc + 2]]);
        break;
      case 19:
        r[d] = Math.acos(r[code[pc + 2]]);
        break;
      case 20:
        r[d] = Math.atan(r[code[pc + 2]]);
        break;
      case 21:
        r[d] = Math.sign(r[code[pc + 2]]);
        break;
      case 22:
        r[d] = 1 / Math.cos(r[code[pc + 2]]);
        break;
      case 23:
        r[d] = 1 / Math.sin(r[code[pc + 2]]);
        break;
      case 24:
        r[d] = 1 / Math.tan(r[code[pc + 2]]);
        break;
      case 25:
        r[d] = 1 / Math.cosh(r[code[pc + 2]]);
        break;
      case 26:
        r[d] = 1 / Math.sinh(r[code[pc + 2]]);
        break;
      case 27:
        r[d] = 1 / Math.tanh(r[code[pc + 2]]);
        break;
      case 28:
        r[d] = r[code[pc + 2]] + r[code[pc + 3]] * r[code[pc + 4]];
        break;
      case 29:
        r[d] = r[code[pc + 2]] - r[code[pc + 3]] * r[code[pc + 4]];
        break;
      case 30:
        r[d] = r[code[pc + 3]] * r[code[pc + 4]] - r[code[pc + 2]];
        break;
      case 31:
        {
          const t = r[code[pc + 3]];
          r[d] = r[code[pc + 2]] + t * t;
        }
        break;
      case 32:
        {
          const t = r[code[pc + 3]];
          r[d] = r[code[pc + 2]] - t * t;
        }
        break;
      case 33:
        {
          const t = r[code[pc + 2]] - r[code[pc + 3]];
          r[d] = t * t;
        }
        break;
      case 34:
        {
          const t = r[code[pc + 2]] + r[code[pc + 3]];
          r[d] = t * t;
        }
        break;
      case 35:
        r[d] = Math.sin(r[code[pc + 2]] * r[code[pc + 3]]);
        break;
      case 36:
        r[d] = Math.cos(r[code[pc + 2]] * r[code[pc + 3]]);
        break;
      case 37:
        r[d] = Math.exp(r[code[pc + 2]] * r[code[pc + 3]]);
        break;
    }
  }
}

/** t^n for an integer n by binary powering. */
export function powInt(t: number, n: number): number {
  let m = n < 0 ? -n : n;
  let result = 1;
  let s = t;
  while (m > 0) {
    if (m & 1) result *= s;
    s *= s;
    m >>>= 1;
  }
  return n < 0 ? 1 / result : result;
}
