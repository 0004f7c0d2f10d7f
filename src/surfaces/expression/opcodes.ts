/**
 * The instruction set of the register machine (machine.ts). An instruction is five int32s:
 * opcode, destination register, operands a, b, c (registers, or an immediate exponent for
 * POW_INT). Opcodes are dense small integers so the machine's switch compiles to a jump table;
 * the machine uses the literal numbers, and a test checks them against this table. The fused
 * instructions (MUL_ADD …) do the same IEEE operations in the same order as the unfused ones
 * (JS never contracts a·b + c into an FMA): they only save dispatches, which is where an
 * interpreter spends its time.
 */
export const Op = {
  ADD: 0,
  SUB: 1,
  MUL: 2,
  DIV: 3,
  POW: 4,
  /** r[d] = r[a] ^ b for an integer immediate b, by repeated squaring. */
  POW_INT: 5,
  NEG: 6,
  SQUARE: 7,
  SIN: 8,
  COS: 9,
  TAN: 10,
  SINH: 11,
  COSH: 12,
  TANH: 13,
  EXP: 14,
  LOG: 15,
  SQRT: 16,
  ABS: 17,
  ASIN: 18,
  ACOS: 19,
  ATAN: 20,
  SIGN: 21,
  SEC: 22,
  CSC: 23,
  COT: 24,
  SECH: 25,
  CSCH: 26,
  COTH: 27,
  /** r[a] + r[b]·r[c] */
  MUL_ADD: 28,
  /** r[a] − r[b]·r[c] */
  MUL_SUB: 29,
  /** r[b]·r[c] − r[a] */
  SUB_FROM_MUL: 30,
  /** r[a] + r[b]² */
  ADD_SQUARE: 31,
  /** r[a] − r[b]² */
  SUB_SQUARE: 32,
  /** (r[a] − r[b])² */
  SQUARE_OF_SUB: 33,
  /** (r[a] + r[b])² */
  SQUARE_OF_ADD: 34,
  /** sin(r[a]·r[b]) */
  SIN_OF_MUL: 35,
  /** cos(r[a]·r[b]) */
  COS_OF_MUL: 36,
  /** exp(r[a]·r[b]) */
  EXP_OF_MUL: 37,
} as const;

/** Words per instruction. */
export const WIDTH = 5;

/** The opcode of each function that can appear in a compiled tree. */
export const FUNCTION_OPS: Readonly<Record<string, number>> = {
  sin: Op.SIN,
  cos: Op.COS,
  tan: Op.TAN,
  sinh: Op.SINH,
  cosh: Op.COSH,
  tanh: Op.TANH,
  exp: Op.EXP,
  log: Op.LOG,
  sqrt: Op.SQRT,
  abs: Op.ABS,
  asin: Op.ASIN,
  acos: Op.ACOS,
  atan: Op.ATAN,
  sign: Op.SIGN,
  sec: Op.SEC,
  csc: Op.CSC,
  cot: Op.COT,
  sech: Op.SECH,
  csch: Op.CSCH,
  coth: Op.COTH,
};

/** Functions with a fused "of a product" form: f(a·b) in one instruction. */
export const FUNCTION_OF_MUL_OPS: Readonly<Record<string, number>> = {
  sin: Op.SIN_OF_MUL,
  cos: Op.COS_OF_MUL,
  exp: Op.EXP_OF_MUL,
};
