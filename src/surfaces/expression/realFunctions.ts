/**
 * The real-valued implementation of every function that can appear in a compiled tree: the
 * allowed ones, plus those mathjs's derivative writes (sec, sech, …) and our abs subgradient
 * (sign). They match mathjs's number implementations (Math.*) on the real domain; where mathjs
 * would return a complex number (sqrt(-1), log(-1), asin(2)) these return NaN.
 */
export const REAL_FUNCTIONS: Readonly<Record<string, (v: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sign: Math.sign,
  sec: (v) => 1 / Math.cos(v),
  csc: (v) => 1 / Math.sin(v),
  cot: (v) => 1 / Math.tan(v),
  sech: (v) => 1 / Math.cosh(v),
  csch: (v) => 1 / Math.sinh(v),
  coth: (v) => 1 / Math.tanh(v),
};
