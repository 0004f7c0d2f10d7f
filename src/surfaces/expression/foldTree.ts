import type { MathNode } from 'mathjs';
import { binary, call, constant, negate, shape, withArgs } from './mathNodes.ts';

const numberOf = (n: MathNode): number | null => {
  const s = shape(n);
  return s.type === 'ConstantNode' && typeof s.value === 'number' ? s.value : null;
};

/** The operand of a unary minus, or null. */
const negated = (n: MathNode): MathNode | null => {
  const s = shape(n);
  return s.type === 'OperatorNode' && s.fn === 'unaryMinus' ? s.args[0] : null;
};

/** The arguments of an n-ary node with mathjs function name `fn`, or [n] itself. */
const operands = (n: MathNode, fn: string): MathNode[] => {
  const s = shape(n);
  return s.type === 'OperatorNode' && s.fn === fn ? s.args : [n];
};

/** A finite constant, or null when folding would invent a value (NaN, ±∞). */
const finite = (v: number): MathNode | null => (Number.isFinite(v) ? constant(v) : null);

/** Product of factors: numbers multiplied together in front, minus signs pulled out. */
function product(factors: MathNode[]): MathNode {
  let c = 1;
  const rest: MathNode[] = [];
  for (const f0 of factors.flatMap((f) => operands(f, 'multiply'))) {
    let f = f0;
    for (let inner = negated(f); inner; inner = negated(f)) {
      c = -c;
      f = inner;
    }
    const v = numberOf(f);
    if (v !== null) c *= v;
    else rest.push(...operands(f, 'multiply'));
  }
  if (c === 0 || !Number.isFinite(c)) return constant(c);
  if (rest.length === 0) return constant(c);
  const body = rest.length === 1 ? rest[0] : withArgs({ op: '*', fn: 'multiply' }, rest);
  if (c === 1) return body;
  if (c === -1) return negate(body);
  return c < 0
    ? negate(product([constant(-c), body]))
    : withArgs({ op: '*', fn: 'multiply' }, [constant(c), ...rest]);
}

/** Sum of signed terms, written left to right with + and −, zeros dropped. */
function sum(terms: readonly { node: MathNode; minus: boolean }[]): MathNode {
  let acc: MathNode | null = null;
  let c = 0;
  for (const t of terms) {
    let { node, minus } = t;
    const inner = negated(node);
    if (inner) {
      node = inner;
      minus = !minus;
    }
    const v = numberOf(node);
    if (v !== null) {
      c += minus ? -v : v;
      continue;
    }
    if (acc === null) acc = minus ? negate(node) : node;
    else acc = binary(minus ? '-' : '+', acc, node);
  }
  if (acc === null || !Number.isFinite(c)) return constant(c);
  if (c === 0) return acc;
  return binary(c < 0 ? '-' : '+', acc, constant(Math.abs(c)));
}

/** Signed terms of a sum (flattening nested + and −). */
function terms(n: MathNode, minus: boolean, out: { node: MathNode; minus: boolean }[]): void {
  const s = shape(n);
  if (s.type === 'OperatorNode' && s.fn === 'add') s.args.forEach((a) => terms(a, minus, out));
  else if (s.type === 'OperatorNode' && s.fn === 'subtract') {
    terms(s.args[0], minus, out);
    terms(s.args[1], !minus, out);
  } else out.push({ node: n, minus });
}

/**
 * Cheap, linear-time tidying of a raw derivative tree (mathjs's derivative leaves things like
 * `2 * 1 * x ^ (2 - 1) + 0`): drop parentheses, fold numbers, drop 0s and 1s, gather each
 * product's numbers and minus signs in front and write sums with + and −. Every rewrite is an
 * identity over the reals; none reorders anything inside a function or a power. This replaces
 * mathjs's simplify for the compiled derivatives, which is far too slow on derivative trees
 * (see differentiate.ts).
 */
export function foldTree(node: MathNode): MathNode {
  const s = shape(node);
  if (s.type === 'ParenthesisNode') return foldTree(s.content);
  if (s.type === 'FunctionNode') {
    const args = s.args.map(foldTree);
    return args.every((a, i) => a === s.args[i]) ? node : call(s.name, args);
  }
  if (s.type !== 'OperatorNode') return node;
  const args = s.args.map(foldTree);
  switch (s.fn) {
    case 'unaryPlus':
      return args[0];
    case 'unaryMinus': {
      const v = numberOf(args[0]);
      if (v !== null) return constant(-v);
      return negated(args[0]) ?? negate(args[0]);
    }
    case 'add':
    case 'subtract': {
      const out: { node: MathNode; minus: boolean }[] = [];
      terms(args[0], false, out);
      args.slice(1).forEach((a) => terms(a, s.fn === 'subtract', out));
      return sum(out);
    }
    case 'multiply':
      return product(args);
    case 'divide': {
      const [a, b] = args;
      const va = numberOf(a);
      const vb = numberOf(b);
      if (va !== null && vb !== null) return finite(va / vb) ?? binary('/', a, b);
      if (vb === 1) return a;
      if (va === 0) return constant(0);
      const na = negated(a);
      if (na) return negate(binary('/', na, b));
      return binary('/', a, b);
    }
    case 'pow': {
      const [a, b] = args;
      const va = numberOf(a);
      const vb = numberOf(b);
      if (va !== null && vb !== null) return finite(Math.pow(va, vb)) ?? binary('^', a, b);
      if (vb === 1) return a;
      if (vb === 0) return constant(1);
      return binary('^', a, b);
    }
  }
  return withArgs(s, args);
}
