import type { IR } from './ir.ts';
import { FUNCTION_OF_MUL_OPS, FUNCTION_OPS, Op, WIDTH } from './opcodes.ts';

/** Compiled code for one or more outputs sharing a register file. */
export interface Program {
  code: Int32Array;
  /** Initial register file: x, y (set per call), the constants in place, then temporaries. */
  registers: Float64Array;
  /** The register holding each output after a run. */
  outputs: Int32Array;
}

/** Largest integer exponent computed by multiplication rather than Math.pow. */
const MAX_INT_POWER = 64;

const BINARY_OPS = { add: Op.ADD, sub: Op.SUB, mul: Op.MUL, div: Op.DIV } as const;

const children = (n: IR): IR[] =>
  n.kind === 'bin' ? [n.a, n.b] : n.kind === 'neg' || n.kind === 'fn' ? [n.a] : [];

/** How many times each node is used by the others and by the outputs. */
function countUses(roots: readonly IR[]): Map<IR, number> {
  const uses = new Map<IR, number>();
  const visit = (n: IR) => {
    const seen = uses.get(n);
    uses.set(n, (seen ?? 0) + 1);
    if (seen === undefined) children(n).forEach(visit);
  };
  roots.forEach(visit);
  return uses;
}

const isConst = (n: IR, v: number) => n.kind === 'const' && n.value === v;

/**
 * Emit code for `roots` (f; or f_x, f_y; or the three Hessian entries). The IR is a DAG, so
 * each distinct subexpression is computed once into a register and shared by every output
 * that uses it. Integer powers become multiplications (x^2 → x·x), e^u becomes exp(u), and a
 * product or square used only once is fused into the instruction that consumes it.
 */
export function emit(roots: readonly IR[]): Program {
  const uses = countUses(roots);
  const code: number[] = [];
  const constants: number[] = [];
  const constantIndex = new Map<string, number>();
  const registerOf = new Map<IR, number>();
  let temps = 0;
  // Temporaries are numbered after the constants, whose count is only known at the end.
  const TEMP = 1 << 30;
  const constantRegister = (value: number) => {
    const key = Object.is(value, -0) ? '-0' : String(value);
    let k = constantIndex.get(key);
    if (k === undefined) {
      k = constants.push(value) - 1;
      constantIndex.set(key, k);
    }
    return 2 + k;
  };
  const instr = (op: number, a: number, b = 0, c = 0) => {
    code.push(op, TEMP + temps, a, b, c);
    return TEMP + temps++;
  };
  /** `n` as the operand pair of a fusable single-use node of the given shape, or null. */
  const single = (n: IR) => uses.get(n) === 1 && !registerOf.has(n);
  const product = (n: IR): [IR, IR] | null =>
    n.kind === 'bin' && n.op === 'mul' && single(n) ? [n.a, n.b] : null;
  const squared = (n: IR): IR | null =>
    n.kind === 'bin' && n.op === 'pow' && isConst(n.b, 2) && single(n) ? n.a : null;

  const visit = (n: IR): number => {
    const known = registerOf.get(n);
    if (known !== undefined) return known;
    const reg = compute(n);
    registerOf.set(n, reg);
    return reg;
  };
  const compute = (n: IR): number => {
    switch (n.kind) {
      case 'x':
        return 0;
      case 'y':
        return 1;
      case 'const':
        return constantRegister(n.value);
      case 'neg':
        return instr(Op.NEG, visit(n.a));
      case 'fn': {
        const fused = FUNCTION_OF_MUL_OPS[n.name];
        const pq = fused === undefined ? null : product(n.a);
        if (pq) return instr(fused, visit(pq[0]), visit(pq[1]));
        return instr(FUNCTION_OPS[n.name], visit(n.a));
      }
      case 'bin':
        switch (n.op) {
          case 'add':
            return sum(n.a, n.b);
          case 'sub':
            return difference(n.a, n.b);
          case 'pow':
            return power(n.a, n.b);
          default:
            return instr(BINARY_OPS[n.op], visit(n.a), visit(n.b));
        }
    }
  };
  // a + p·q and p·q + a are the same IEEE sum (addition commutes exactly).
  const sum = (a: IR, b: IR): number => {
    let pq = product(b);
    if (pq) return instr(Op.MUL_ADD, visit(a), visit(pq[0]), visit(pq[1]));
    pq = product(a);
    if (pq) return instr(Op.MUL_ADD, visit(b), visit(pq[0]), visit(pq[1]));
    let u = squared(b);
    if (u) return instr(Op.ADD_SQUARE, visit(a), visit(u));
    u = squared(a);
    if (u) return instr(Op.ADD_SQUARE, visit(b), visit(u));
    return instr(Op.ADD, visit(a), visit(b));
  };
  const difference = (a: IR, b: IR): number => {
    let pq = product(b);
    if (pq) return instr(Op.MUL_SUB, visit(a), visit(pq[0]), visit(pq[1]));
    pq = product(a);
    if (pq) return instr(Op.SUB_FROM_MUL, visit(b), visit(pq[0]), visit(pq[1]));
    const u = squared(b);
    if (u) return instr(Op.SUB_SQUARE, visit(a), visit(u));
    return instr(Op.SUB, visit(a), visit(b));
  };
  const power = (base: IR, exponent: IR): number => {
    if (exponent.kind === 'const') {
      const p = exponent.value;
      if (p === 2 && base.kind === 'bin' && single(base) && base.op === 'sub')
        return instr(Op.SQUARE_OF_SUB, visit(base.a), visit(base.b));
      if (p === 2 && base.kind === 'bin' && single(base) && base.op === 'add')
        return instr(Op.SQUARE_OF_ADD, visit(base.a), visit(base.b));
      if (Number.isInteger(p) && Math.abs(p) <= MAX_INT_POWER) {
        const a = visit(base);
        if (p === 2) return instr(Op.SQUARE, a);
        if (p === 3) return instr(Op.MUL, instr(Op.SQUARE, a), a);
        if (p === 4) return instr(Op.SQUARE, instr(Op.SQUARE, a));
        if (p === -1) return instr(Op.DIV, constantRegister(1), a);
        return instr(Op.POW_INT, a, p);
      }
    }
    // e^u: Math.exp agrees with mathjs's Math.pow(Math.E, u) to about |u|·2^-53 relative.
    if (base.kind === 'const' && base.value === Math.E) {
      const pq = product(exponent);
      if (pq) return instr(Op.EXP_OF_MUL, visit(pq[0]), visit(pq[1]));
      return instr(Op.EXP, visit(exponent));
    }
    return instr(Op.POW, visit(base), visit(exponent));
  };

  const outputs = Int32Array.from(roots.map(visit));
  // Now that the constants are counted, move the temporaries to the registers after them.
  const first = 2 + constants.length;
  const relocate = (r: number) => (r >= TEMP ? r - TEMP + first : r);
  for (let pc = 0; pc < code.length; pc += WIDTH) {
    for (let k = 1; k < WIDTH; k++) {
      if (k === 3 && code[pc] === Op.POW_INT) continue; // an immediate, not a register
      code[pc + k] = relocate(code[pc + k]);
    }
  }
  const registers = new Float64Array(first + temps);
  registers.set(constants, 2);
  return { code: Int32Array.from(code), registers, outputs: outputs.map(relocate) };
}
