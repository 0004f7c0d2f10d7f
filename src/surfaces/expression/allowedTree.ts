import type { MathNode } from 'mathjs';
import { FUNCTIONS, isConstantName, isFunctionName, isVariableName } from './allowList.ts';
import { ExpressionError } from './expressionError.ts';
import { shape } from './mathNodes.ts';

const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
]);

/**
 * A second, independent check on mathjs's parse tree: only numbers, x, y, pi, e, the five
 * arithmetic operators, unary ±, parentheses and allowed calls. The token check should already
 * have rejected anything else; this guards against the two ever disagreeing. mathjs nodes carry
 * no positions, so a failure here points at the whole source. `params` are further symbols
 * allowed (a catalog surface's parameter names; a typed expression has none).
 */
export function assertAllowedTree(
  root: MathNode,
  source: string,
  params: readonly string[] = [],
): void {
  const visit = (node: MathNode): void => {
    const reject = (): never => {
      throw new ExpressionError(
        `"${node.toString()}" is not allowed (${node.type})`,
        0,
        source.length,
      );
    };
    const s = shape(node);
    switch (s.type) {
      case 'ConstantNode':
        if (typeof s.value !== 'number') reject();
        return;
      case 'SymbolNode':
        if (!isVariableName(s.name) && !isConstantName(s.name) && !params.includes(s.name))
          reject();
        return;
      case 'ParenthesisNode':
        return visit(s.content);
      case 'OperatorNode': {
        const op = s;
        if (!OPERATORS.has(op.fn) || op.implicit) reject();
        const unary = op.fn === 'unaryMinus' || op.fn === 'unaryPlus';
        if (op.args.length !== (unary ? 1 : 2)) reject();
        return op.args.forEach(visit);
      }
      case 'FunctionNode': {
        const callee = shape(s.fn);
        if (callee.type !== 'SymbolNode' || !isFunctionName(callee.name)) reject();
        const spec = FUNCTIONS[s.name];
        if (s.args.length < spec.minArgs || s.args.length > spec.maxArgs) reject();
        return s.args.forEach(visit);
      }
      default:
        reject();
    }
  };
  visit(root);
}
