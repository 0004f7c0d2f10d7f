import { REAL_FUNCTIONS } from './realFunctions.ts';

/**
 * The compiler's intermediate form: a hash-consed DAG, so a subexpression that occurs twice
 * (within f, or across its derivatives, whose trees mathjs builds by copying) is one node.
 * Builders fold constants as they go. A `param` is a named value fixed per surface instance (a
 * catalog surface's slider): not folded, but the generated code computes everything that depends
 * on parameters alone once per instance (generateJs.ts).
 */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow';

export type IR =
  | { kind: 'const'; id: number; value: number }
  | { kind: 'x'; id: number }
  | { kind: 'y'; id: number }
  | { kind: 'param'; id: number; index: number }
  | { kind: 'neg'; id: number; a: IR }
  | { kind: 'fn'; id: number; name: string; fn: (v: number) => number; a: IR }
  | { kind: 'bin'; id: number; op: BinaryOp; a: IR; b: IR };

type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'pow':
      return Math.pow(a, b);
  }
}

const isConst = (n: IR, v: number) => n.kind === 'const' && n.value === v;

export class IRBuilder {
  private readonly nodes = new Map<string, IR>();
  readonly x: IR;
  readonly y: IR;
  /** Parameter name → its node. */
  readonly params: ReadonlyMap<string, IR>;

  constructor(paramNames: readonly string[] = []) {
    this.x = this.intern('x', { kind: 'x' });
    this.y = this.intern('y', { kind: 'y' });
    this.params = new Map(
      paramNames.map((name, index) => [name, this.intern(`p${index}`, { kind: 'param', index })]),
    );
  }

  private intern(key: string, node: Unnumbered<IR>): IR {
    let found = this.nodes.get(key);
    if (!found) {
      found = { ...node, id: this.nodes.size } as IR;
      this.nodes.set(key, found);
    }
    return found;
  }

  constant(value: number): IR {
    return this.intern(`c${Object.is(value, -0) ? '-0' : value}`, { kind: 'const', value });
  }

  neg(a: IR): IR {
    if (a.kind === 'const') return this.constant(-a.value);
    if (a.kind === 'neg') return a.a;
    return this.intern(`-${a.id}`, { kind: 'neg', a });
  }

  fn(name: string, a: IR): IR {
    const fn = REAL_FUNCTIONS[name];
    if (!fn) throw new Error(`no real implementation for "${name}"`);
    if (a.kind === 'const') return this.constant(fn(a.value));
    return this.intern(`${name}(${a.id})`, { kind: 'fn', name, fn, a });
  }

  /**
   * a op b. Identities that hold for every float (a·1, a/1, a^1, a±0, 0−a) always apply.
   * `lossy` also allows those that differ only where a value is infinite or NaN (0·a, 0/a, a^0):
   * right for derivative trees, which are full of such zeros, but not for f itself, whose
   * value must match mathjs's evaluate everywhere.
   */
  bin(op: BinaryOp, a: IR, b: IR, lossy = false): IR {
    if (a.kind === 'const' && b.kind === 'const')
      return this.constant(applyBinary(op, a.value, b.value));
    switch (op) {
      case 'add':
        if (isConst(a, 0)) return b;
        if (isConst(b, 0)) return a;
        break;
      case 'sub':
        if (isConst(b, 0)) return a;
        if (isConst(a, 0)) return this.neg(b);
        break;
      case 'mul':
        if (isConst(a, 1)) return b;
        if (isConst(b, 1)) return a;
        if (isConst(a, -1)) return this.neg(b);
        if (isConst(b, -1)) return this.neg(a);
        if (lossy && (isConst(a, 0) || isConst(b, 0))) return this.constant(0);
        break;
      case 'div':
        if (isConst(b, 1)) return a;
        if (lossy && isConst(a, 0)) return this.constant(0);
        break;
      case 'pow':
        if (isConst(b, 1)) return a;
        if (lossy && isConst(b, 0)) return this.constant(1);
        break;
    }
    return this.intern(`${op}(${a.id},${b.id})`, { kind: 'bin', op, a, b });
  }
}
