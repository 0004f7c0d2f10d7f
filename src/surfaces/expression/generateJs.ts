import type { Program } from './emit.ts';
import { Op, WIDTH } from './opcodes.ts';
import { powInt } from './machine.ts';

/**
 * Straight-line JavaScript for a compiled program: one `const` per instruction, constants and
 * x, y as locals. V8 compiles it like hand-written code, so an expression surface runs at
 * hand-written speed even from a call site shared by every surface (where any interpreter,
 * closure tree or register machine alike, stays 3–5× slower).
 *
 * Why this is safe although it uses `new Function`: the source is assembled only from our own
 * tokens — register names r0…rN, constant-array indices, the opcode templates below (fixed
 * Math.* names) and integer exponents from the Int32Array code. No character of the user's
 * expression reaches it (its numbers enter as Float64Array values, never as text), and
 * `assertOwnTokens` rejects anything outside that alphabet before the source is compiled.
 */
const TEMPLATES: Record<number, (a: string, b: string, c: string) => string> = {
  [Op.ADD]: (a, b) => `${a} + ${b}`,
  [Op.SUB]: (a, b) => `${a} - ${b}`,
  [Op.MUL]: (a, b) => `${a} * ${b}`,
  [Op.DIV]: (a, b) => `${a} / ${b}`,
  [Op.POW]: (a, b) => `Math.pow(${a}, ${b})`,
  [Op.NEG]: (a) => `-${a}`,
  [Op.SQUARE]: (a) => `${a} * ${a}`,
  [Op.SIN]: (a) => `Math.sin(${a})`,
  [Op.COS]: (a) => `Math.cos(${a})`,
  [Op.TAN]: (a) => `Math.tan(${a})`,
  [Op.SINH]: (a) => `Math.sinh(${a})`,
  [Op.COSH]: (a) => `Math.cosh(${a})`,
  [Op.TANH]: (a) => `Math.tanh(${a})`,
  [Op.EXP]: (a) => `Math.exp(${a})`,
  [Op.LOG]: (a) => `Math.log(${a})`,
  [Op.SQRT]: (a) => `Math.sqrt(${a})`,
  [Op.ABS]: (a) => `Math.abs(${a})`,
  [Op.ASIN]: (a) => `Math.asin(${a})`,
  [Op.ACOS]: (a) => `Math.acos(${a})`,
  [Op.ATAN]: (a) => `Math.atan(${a})`,
  [Op.SIGN]: (a) => `Math.sign(${a})`,
  [Op.SEC]: (a) => `1 / Math.cos(${a})`,
  [Op.CSC]: (a) => `1 / Math.sin(${a})`,
  [Op.COT]: (a) => `1 / Math.tan(${a})`,
  [Op.SECH]: (a) => `1 / Math.cosh(${a})`,
  [Op.CSCH]: (a) => `1 / Math.sinh(${a})`,
  [Op.COTH]: (a) => `1 / Math.tanh(${a})`,
  [Op.MUL_ADD]: (a, b, c) => `${a} + ${b} * ${c}`,
  [Op.MUL_SUB]: (a, b, c) => `${a} - ${b} * ${c}`,
  [Op.SUB_FROM_MUL]: (a, b, c) => `${b} * ${c} - ${a}`,
  [Op.ADD_SQUARE]: (a, b) => `${a} + ${b} * ${b}`,
  [Op.SUB_SQUARE]: (a, b) => `${a} - ${b} * ${b}`,
  // The same difference twice is the same IEEE value; V8 computes it once.
  [Op.SQUARE_OF_SUB]: (a, b) => `(${a} - ${b}) * (${a} - ${b})`,
  [Op.SQUARE_OF_ADD]: (a, b) => `(${a} + ${b}) * (${a} + ${b})`,
  [Op.SIN_OF_MUL]: (a, b) => `Math.sin(${a} * ${b})`,
  [Op.COS_OF_MUL]: (a, b) => `Math.cos(${a} * ${b})`,
  [Op.EXP_OF_MUL]: (a, b) => `Math.exp(${a} * ${b})`,
};

const OWN_TOKENS =
  /^(?:[ \n]|r\d+|K\[\d+\]|out(?:\[\d+\])?|-?\d+|Math\.(?:pow|sin|cos|tan|sinh|cosh|tanh|exp|log|sqrt|abs|asin|acos|atan|sign)|powInt|const|return|function|[=+\-*/(),;{}])*$/;

function assertOwnTokens(source: string): void {
  if (!OWN_TOKENS.test(source)) throw new Error('generated source contains an unexpected token');
}

/** The body computing every register of `p`; returns the statements. */
function body(p: Program): string {
  const lines: string[] = [];
  const code = p.code;
  for (let pc = 0; pc < code.length; pc += WIDTH) {
    const op = code[pc];
    const d = `r${code[pc + 1]}`;
    const a = `r${code[pc + 2]}`;
    if (op === Op.POW_INT) {
      // (x, n) with n an int32 immediate: text of a number we produced, not the user's.
      lines.push(`const ${d} = powInt(${a}, ${code[pc + 3] | 0});`);
      continue;
    }
    const t = TEMPLATES[op];
    if (!t) throw new Error(`no template for opcode ${op}`);
    lines.push(`const ${d} = ${t(a, `r${code[pc + 3]}`, `r${code[pc + 4]}`)};`);
  }
  return lines.join('\n');
}

/** `const r2 = K[0]; …` for the constants (registers 2… that no instruction writes). */
function constantLoads(p: Program): string {
  const written = new Set<number>();
  for (let pc = 0; pc < p.code.length; pc += WIDTH) written.add(p.code[pc + 1]);
  const out: string[] = [];
  for (let r = 2; r < p.registers.length; r++)
    if (!written.has(r)) out.push(`const r${r} = K[${r - 2}];`);
  return out.join('\n');
}

/**
 * Compile the program with `tail` (a return or the output writes) as its last statements.
 * Returns null only when the environment refuses generated code (a Content-Security-Policy
 * without 'unsafe-eval'); then the caller runs the register machine instead.
 */
function compile<T>(p: Program, params: string, tail: string): T | null {
  const source = `${constantLoads(p)}\nreturn function (${params}) {\n${body(p)}\n${tail}\n};`;
  assertOwnTokens(source);
  let factory: (K: Float64Array, pi: typeof powInt) => T;
  try {
    // eslint-disable-next-line no-new-func -- source built from our own tokens only, see above
    factory = new Function('K', 'powInt', source) as typeof factory;
  } catch (e) {
    if (e instanceof EvalError) return null;
    throw e;
  }
  return factory(p.registers.slice(2), powInt);
}

/** f(x, y) for a one-output program, or null where generated code is refused. */
export function generatePointFunction(p: Program): ((x: number, y: number) => number) | null {
  return compile(p, 'r0, r1', `return r${p.outputs[0]};`);
}

/** (x, y, out) ↦ out[i] = output i, for the gradient and Hessian programs (or null). */
export function generatePointWriter(
  p: Program,
): ((x: number, y: number, out: Float64Array) => void) | null {
  const writes = Array.from(p.outputs, (r, i) => `out[${i}] = r${r};`).join('\n');
  return compile(p, 'r0, r1, out', writes);
}
