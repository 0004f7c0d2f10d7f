import type { Objective2D } from '../../engine/objective2d.ts';
import type { IR } from './ir.ts';

/**
 * The one backend of the expression compiler: straight-line JavaScript generated from the IR, one
 * `const` per DAG node, so a subexpression shared by f, ∇f and the Hessian is computed once per
 * function. V8 compiles it like hand-written code. Besides f, grad and hess it emits the grid loop
 * (Objective2D.fgGrid), so the sampler makes one call per grid into a monomorphic loop of the
 * surface's own instead of a megamorphic call per vertex.
 *
 * Hoisting: nodes that depend on parameters and constants alone are computed once per surface
 * instance (when `bind` is called with the parameter values); in the grid loop, nodes that depend
 * on y alone are computed once per row. Values are unchanged by it: the same operations on the
 * same operands.
 *
 * Why this is safe although it uses `new Function`: the source is assembled only from our own
 * tokens — names t<id>, c<k>, p<i>, the templates below (fixed Math.* names) and integer
 * exponents we checked are integers. No character of the user's expression reaches it (its
 * numbers enter as Float64Array values, never as text), and `assertOwnTokens` rejects anything
 * outside that alphabet before the source is compiled.
 */

/** f, its gradient and its Hessian as IR roots. */
export interface ObjectiveRoots {
  f: IR;
  fx: IR;
  fy: IR;
  fxx: IR;
  fxy: IR;
  fyy: IR;
}

/** Largest integer exponent computed by multiplication rather than Math.pow. */
const MAX_INT_POWER = 64;

/** Math.* of the same name, or its reciprocal (the functions mathjs's derivative writes). */
const MATH = new Set('sin cos tan sinh cosh tanh exp log sqrt abs asin acos atan sign'.split(' '));
const RECIPROCALS: Readonly<Record<string, string>> = {
  sec: 'cos',
  csc: 'sin',
  cot: 'tan',
  sech: 'cosh',
  csch: 'sinh',
  coth: 'tanh',
};
const callOf = (name: string, a: string): string => {
  if (MATH.has(name)) return `Math.${name}(${a})`;
  if (Object.hasOwn(RECIPROCALS, name)) return `1 / Math.${RECIPROCALS[name]}(${a})`;
  throw new Error(`no generated form for "${name}"`);
};

const OPERATORS = { add: '+', sub: '-', mul: '*', div: '/' } as const;

const X = 1;
const Y = 2;

const children = (n: IR): IR[] =>
  n.kind === 'bin' ? [n.a, n.b] : n.kind === 'neg' || n.kind === 'fn' ? [n.a] : [];

/** Which variables each node depends on: a bit set of X and Y (0: parameters and constants). */
function dependencies(roots: readonly IR[]): Map<IR, number> {
  const deps = new Map<IR, number>();
  const visit = (n: IR): number => {
    const known = deps.get(n);
    if (known !== undefined) return known;
    const d =
      n.kind === 'x' ? X : n.kind === 'y' ? Y : children(n).reduce((m, c) => m | visit(c), 0);
    deps.set(n, d);
    return d;
  };
  roots.forEach(visit);
  return deps;
}

class Emitter {
  readonly constants: number[] = [];
  private readonly constantIndex = new Map<string, number>();
  readonly deps: Map<IR, number>;

  constructor(roots: readonly IR[]) {
    this.deps = dependencies(roots);
  }

  /** A node's name in the generated code (valid once the node has been emitted in scope). */
  name(n: IR): string {
    switch (n.kind) {
      case 'x':
        return 'x';
      case 'y':
        return 'y';
      case 'param':
        return `p${n.index}`;
      case 'const': {
        const key = Object.is(n.value, -0) ? '-0' : String(n.value);
        let k = this.constantIndex.get(key);
        if (k === undefined) {
          k = this.constants.push(n.value) - 1;
          this.constantIndex.set(key, k);
        }
        return `c${k}`;
      }
      default:
        return `t${n.id}`;
    }
  }

  /**
   * `const` statements for the nodes `roots` need that pass `here` and are not in `bound` (the
   * enclosing scopes'), children first; adds them to `bound`.
   */
  statements(roots: readonly IR[], here: (deps: number) => boolean, bound: Set<IR>): string[] {
    const lines: string[] = [];
    const seen = new Set<IR>();
    const visit = (n: IR): void => {
      if (bound.has(n) || seen.has(n)) return;
      seen.add(n);
      children(n).forEach(visit);
      if (!here(this.deps.get(n)!)) return;
      bound.add(n);
      const value = this.value(n);
      if (value !== null) lines.push(`const ${this.name(n)} = ${value};`);
    };
    roots.forEach(visit);
    return lines;
  }

  /** The right-hand side computing a node from its children's names; null for leaves. */
  private value(n: IR): string | null {
    switch (n.kind) {
      case 'x':
      case 'y':
      case 'param':
      case 'const':
        return null;
      case 'neg':
        return `-${this.name(n.a)}`;
      case 'fn':
        return callOf(n.name, this.name(n.a));
      case 'bin': {
        const a = this.name(n.a);
        if (n.op !== 'pow') return `${a} ${OPERATORS[n.op]} ${this.name(n.b)}`;
        return this.power(n.a, n.b);
      }
    }
  }

  /** base^exponent: integer powers by multiplication, e^u as exp(u), else Math.pow. */
  private power(base: IR, exponent: IR): string {
    const a = this.name(base);
    if (exponent.kind === 'const') {
      const p = exponent.value;
      if (Number.isInteger(p) && Math.abs(p) <= MAX_INT_POWER) {
        if (p === 2) return `${a} * ${a}`;
        if (p === 3) return `${a} * ${a} * ${a}`;
        if (p === 4) return `(${a} * ${a}) * (${a} * ${a})`;
        if (p === -1) return `1 / ${a}`;
        // (x, n) with n an integer we checked: text of a number we produced, not the user's.
        return `powInt(${a}, ${p | 0})`;
      }
    }
    // e^u: Math.exp agrees with mathjs's Math.pow(Math.E, u) to about |u|·2^-53 relative.
    if (base.kind === 'const' && base.value === Math.E) return `Math.exp(${this.name(exponent)})`;
    return `Math.pow(${a}, ${this.name(exponent)})`;
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

const OWN_TOKENS =
  /^(?:\s|[tcp]\d+|K\[\d+\]|P\[\d+\]|out\[\d\]|(?:xs|ys|f|gx|gy)\[[ijk]\]|-?\d+|Math\.(?:pow|sin|cos|tan|sinh|cosh|tanh|exp|log|sqrt|abs|asin|acos|atan|sign)|powInt|const|let|for|return|function|fgGrid|grad|hess|xs|ys|gx|gy|out|[fxyijkKP]|\.length|\+\+|[=+\-*/(),;:{}<])*$/;

function assertOwnTokens(source: string): void {
  if (!OWN_TOKENS.test(source)) throw new Error('generated source contains an unexpected token');
}

/**
 * Compile f, ∇f and the Hessian (with the grid loop) for a surface with `paramCount` parameters.
 * Returns `bind`, which makes the objective for one set of parameter values (in the builder's
 * parameter order): cheap, so a slider can rebuild its surface on every change.
 */
export function generateObjective(
  roots: ObjectiveRoots,
  paramCount: number,
): (params: ArrayLike<number>) => Objective2D {
  const { f, fx, fy, fxx, fxy, fyy } = roots;
  const all = [f, fx, fy, fxx, fxy, fyy];
  const e = new Emitter(all);
  const name = (n: IR) => e.name(n);
  const prelude = new Set<IR>();
  const perInstance = e.statements(all, (d) => d === 0, prelude);
  const inside = (d: number) => d !== 0;
  const local = (outs: readonly IR[]) => e.statements(outs, inside, new Set(prelude));
  const row = new Set(prelude);
  const perRow = e.statements([f, fx, fy], (d) => d === Y, row);
  const perVertex = e.statements([f, fx, fy], inside, row);
  // Every statement is made before the constants are listed: making them names the constants.
  const functions = [
    'f: function (x, y) {',
    ...local([f]),
    `return ${name(f)};`,
    '},',
    'grad: function (x, y, out) {',
    ...local([fx, fy]),
    `out[0] = ${name(fx)};`,
    `out[1] = ${name(fy)};`,
    '},',
    'hess: function (x, y, out) {',
    ...local([fxx, fxy, fyy]),
    `out[0] = ${name(fxx)};`,
    `out[1] = ${name(fxy)};`,
    `out[2] = ${name(fyy)};`,
    '},',
    'fgGrid: function (xs, ys, f, gx, gy) {',
    'for (let j = 0, k = 0; j < ys.length; j++) {',
    'const y = ys[j];',
    ...perRow,
    'for (let i = 0; i < xs.length; i++, k++) {',
    'const x = xs[i];',
    ...perVertex,
    `f[k] = ${name(f)};`,
    `gx[k] = ${name(fx)};`,
    `gy[k] = ${name(fy)};`,
    '}',
    '}',
    '},',
  ];
  const source = [
    ...e.constants.map((_, k) => `const c${k} = K[${k}];`),
    'return function (P) {',
    ...Array.from({ length: paramCount }, (_, i) => `const p${i} = P[${i}];`),
    ...perInstance,
    'return {',
    ...functions,
    '};',
    '};',
  ].join('\n');
  assertOwnTokens(source);
  // eslint-disable-next-line no-new-func -- source built from our own tokens only, see above
  const factory = new Function('K', 'powInt', source) as (
    K: Float64Array,
    pi: typeof powInt,
  ) => (P: ArrayLike<number>) => Objective2D;
  return factory(Float64Array.from(e.constants), powInt);
}

/** One function of x and y alone (to compare two trees numerically). */
export function generateFunction(root: IR): (x: number, y: number) => number {
  const roots = { f: root, fx: root, fy: root, fxx: root, fxy: root, fyy: root };
  return generateObjective(roots, 0)([]).f;
}
