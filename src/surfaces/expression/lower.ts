import type { MathNode } from 'mathjs';
import { CONSTANTS } from './allowList.ts';
import type { BinaryOp, IR, IRBuilder } from './ir.ts';
import { shape } from './mathNodes.ts';

const BINARY: Readonly<Record<string, BinaryOp>> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  divide: 'div',
  pow: 'pow',
};

/**
 * Translate a checked mathjs tree into the IR. Symbols other than x, y, pi and e are the builder's
 * parameters. `placeholders` maps the symbols that stand for
 * sign(u) in derivative trees (see differentiate.ts) to u. n-ary sums and products (which
 * mathjs's derivative builds) fold left to right, as mathjs's evaluate does.
 */
export function lower(
  b: IRBuilder,
  root: MathNode,
  lossy: boolean,
  placeholders: ReadonlyMap<string, MathNode> = new Map(),
): IR {
  // mathjs's derivative copies subtrees, so the same node object is rarely seen twice, but
  // equal subtrees are: hash-consing in the builder merges those.
  const visit = (node: MathNode): IR => {
    const s = shape(node);
    switch (s.type) {
      case 'ConstantNode':
        return b.constant(s.value as number);
      case 'SymbolNode': {
        if (s.name === 'x') return b.x;
        if (s.name === 'y') return b.y;
        if (Object.hasOwn(CONSTANTS, s.name)) return b.constant(CONSTANTS[s.name]);
        const param = b.params.get(s.name);
        if (param) return param;
        const u = placeholders.get(s.name);
        if (u) return b.fn('sign', visit(u));
        throw new Error(`unexpected symbol "${s.name}"`);
      }
      case 'ParenthesisNode':
        return visit(s.content);
      case 'OperatorNode': {
        if (s.fn === 'unaryMinus') return b.neg(visit(s.args[0]));
        if (s.fn === 'unaryPlus') return visit(s.args[0]);
        const op = BINARY[s.fn];
        if (!op) throw new Error(`unexpected operator "${s.op}"`);
        let acc = visit(s.args[0]);
        for (let i = 1; i < s.args.length; i++) acc = b.bin(op, acc, visit(s.args[i]), lossy);
        return acc;
      }
      case 'FunctionNode': {
        const a = visit(s.args[0]);
        // log(u, base) is log(u) / log(base), exactly how mathjs evaluates it.
        if (s.name === 'log' && s.args.length === 2)
          return b.bin('div', b.fn('log', a), b.fn('log', visit(s.args[1])), lossy);
        return b.fn(s.name, a);
      }
      default:
        throw new Error(`unexpected node "${node.type}"`);
    }
  };
  return visit(root);
}
