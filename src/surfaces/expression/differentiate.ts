import type { MathNode } from 'mathjs';
import { generateFunction } from './generateJs.ts';
import { ExpressionError } from './expressionError.ts';
import { foldTree } from './foldTree.ts';
import { IRBuilder } from './ir.ts';
import { MAX_DERIVATIVE_NODES, MAX_FIRST_DERIVATIVE_NODES, MAX_SIMPLIFY_NODES } from './limits.ts';
import { lower } from './lower.ts';
import { math } from './mathInstance.ts';
import { call, countNodes, shape, symbol } from './mathNodes.ts';

/** f's first and second partial derivatives as mathjs trees (f_yx = f_xy). */
export interface Derivatives {
  fx: MathNode;
  fy: MathNode;
  fxx: MathNode;
  fxy: MathNode;
  fyy: MathNode;
  /** Placeholder symbol → u, for each sign(u) in the trees above. */
  signs: Map<string, MathNode>;
}

/**
 * mathjs differentiates abs(u) to u'·abs(u)/u, which is NaN at the kink. We want the
 * subgradient u'·sign(u) (0 at the kink), and sign has no derivative rule in mathjs; so each
 * abs(u)/u becomes a placeholder symbol that stands for sign(u). mathjs's derivative treats an
 * unknown symbol as a constant, which is right: sign' = 0 wherever it is differentiable.
 */
function replaceAbsQuotients(node: MathNode, signs: Map<string, MathNode>): MathNode {
  return node.transform((n) => {
    const s = shape(n);
    if (s.type !== 'OperatorNode' || s.fn !== 'divide') return n;
    const num = shape(s.args[0]);
    if (num.type !== 'FunctionNode' || num.name !== 'abs' || !num.args[0].equals(s.args[1]))
      return n;
    const u = foldTree(s.args[1]);
    for (const [name, known] of signs) if (known.equals(u)) return symbol(name);
    const name = `_sign${signs.size}`;
    signs.set(name, u);
    return symbol(name);
  });
}

/** Points where a simplified derivative must agree with the unsimplified one. */
const PROBES: readonly (readonly [number, number])[] = [
  [0.37, -1.21],
  [-0.83, 0.54],
  [1.73, 2.39],
  [-2.47, -1.66],
  [0.11, 0.29],
  [3.05, -0.71],
  [-1.39, 3.13],
  [-0.05, -0.47],
];

/**
 * Whether two trees give the same numbers at the probe points. mathjs's simplify applies
 * rules that are not identities over the reals ((a·b)^c → a^c·b^c turns a finite value into
 * NaN for negative a, b), so we only trust a simplification that we can see agreeing.
 */
function agree(a: MathNode, b: MathNode, signs: ReadonlyMap<string, MathNode>): boolean {
  const builder = new IRBuilder();
  const fa = generateFunction(lower(builder, a, true, signs));
  const fb = generateFunction(lower(builder, b, true, signs));
  return PROBES.every(([x, y]) => {
    const va = fa(x, y);
    const vb = fb(x, y);
    if (Number.isNaN(va) || Number.isNaN(vb)) return Number.isNaN(va) === Number.isNaN(vb);
    if (!Number.isFinite(va) || !Number.isFinite(vb)) return va === vb;
    return Math.abs(va - vb) <= 1e-9 * Math.max(1, Math.abs(va), Math.abs(vb));
  });
}

/**
 * mathjs's simplify, when the tree is small enough for it to be quick and the result checks
 * out; otherwise the tree as it is. Used for display only: simplify searches its rewrite rules
 * over the whole tree again and again, so its time grows far faster than the tree, and on a
 * derivative of Ackley's size it takes longer than anyone should wait between typing and seeing
 * the surface.
 */
export function trySimplify(node: MathNode, signs: ReadonlyMap<string, MathNode>): MathNode {
  const size = countNodes(node);
  if (size > MAX_SIMPLIFY_NODES) return node;
  try {
    const simplified = math.simplify(node);
    if (countNodes(simplified) > size || !agree(node, simplified, signs)) return node;
    return simplified;
  } catch {
    return node;
  }
}

const tooComplex = (source: string, what: string) =>
  new ExpressionError(
    `this expression is too complex to differentiate (${what} would be too large)`,
    0,
    source.length,
  );

function partial(
  node: MathNode,
  variable: 'x' | 'y',
  signs: Map<string, MathNode>,
  limit: number,
  source: string,
  what: string,
): MathNode {
  const raw = math.derivative(node, variable, { simplify: false });
  const folded = foldTree(replaceAbsQuotients(raw, signs));
  if (countNodes(folded) > limit) throw tooComplex(source, what);
  return folded;
}

/** Differentiate f (a checked tree) twice in x and y. Throws ExpressionError if too large. */
export function differentiate(f: MathNode, source: string): Derivatives {
  const signs = new Map<string, MathNode>();
  const tree = foldTree(f);
  const first = MAX_FIRST_DERIVATIVE_NODES;
  const fx = partial(tree, 'x', signs, first, source, 'the gradient');
  const fy = partial(tree, 'y', signs, first, source, 'the gradient');
  const second = MAX_DERIVATIVE_NODES;
  const fxx = partial(fx, 'x', signs, second, source, 'the Hessian');
  const fxy = partial(fx, 'y', signs, second, source, 'the Hessian');
  const fyy = partial(fy, 'y', signs, second, source, 'the Hessian');
  return { fx, fy, fxx, fxy, fyy, signs };
}

/** A derivative as text (simplified when cheap), with each placeholder written back as sign(u). */
export function derivativeText(node: MathNode, signs: ReadonlyMap<string, MathNode>): string {
  return trySimplify(node, signs)
    .transform((n) => {
      const s = shape(n);
      const u = s.type === 'SymbolNode' ? signs.get(s.name) : undefined;
      return u ? call('sign', [u]) : n;
    })
    .toString();
}
