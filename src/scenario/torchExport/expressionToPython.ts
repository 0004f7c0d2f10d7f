import type { MathNode } from 'mathjs';
import { parseExpression } from '../../surfaces/expression/checkExpression.ts';
import { pyFloat } from './pyLiteral.ts';

/**
 * A surface expression (typed, or a catalog surface's) as a Python expression in torch: x and y
 * are 0-d float64 tensors; any other name is a Python float the caller defines.
 * The expression module's own checked tree is translated node by node, fully parenthesised, so
 * mathjs's precedence never has to be re-derived. Constant subexpressions are wrapped in _t()
 * (a tensor) wherever Python floats would behave differently from the lab: a constant divided
 * by zero, a negative constant to a fractional power, a function of a constant.
 */
const FUNCTIONS: Readonly<Record<string, string>> = {
  sin: 'torch.sin',
  cos: 'torch.cos',
  tan: 'torch.tan',
  sinh: 'torch.sinh',
  cosh: 'torch.cosh',
  tanh: 'torch.tanh',
  exp: 'torch.exp',
  log: 'torch.log',
  sqrt: 'torch.sqrt',
  abs: 'torch.abs',
  asin: 'torch.asin',
  acos: 'torch.acos',
  atan: 'torch.atan',
};
const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '**',
};

interface Node {
  type: string;
  value?: unknown;
  name?: string;
  fn?: string | Node;
  args?: MathNode[];
  content?: MathNode;
}

const view = (n: MathNode) => n as unknown as Node;

function usesVariables(n: MathNode): boolean {
  let found = false;
  n.traverse((c) => {
    const v = view(c);
    if (v.type === 'SymbolNode' && (v.name === 'x' || v.name === 'y')) found = true;
  });
  return found;
}

function translate(n: MathNode): string {
  const v = view(n);
  const tensor = (c: MathNode) => (usesVariables(c) ? translate(c) : `_t(${translate(c)})`);
  switch (v.type) {
    case 'ConstantNode':
      return pyFloat(Number(v.value));
    case 'SymbolNode':
      if (v.name === 'pi') return 'math.pi';
      if (v.name === 'e') return 'math.e';
      return v.name!;
    case 'ParenthesisNode':
      return translate(v.content!);
    case 'OperatorNode': {
      const fn = v.fn as string;
      const args = v.args!;
      if (fn === 'unaryMinus') return `(-${translate(args[0])})`;
      if (fn === 'unaryPlus') return `(+${translate(args[0])})`;
      const op = OPERATORS[fn];
      // A constant on the left of / or ** is a tensor, so 1/0 is inf and (-8)**(1/3) is nan.
      const left = fn === 'divide' || fn === 'pow' ? tensor(args[0]) : translate(args[0]);
      return `(${[left, ...args.slice(1).map(translate)].join(` ${op} `)})`;
    }
    case 'FunctionNode': {
      const name = (v.name ?? '') as string;
      const args = v.args!.map(tensor);
      if (name === 'log' && args.length === 2)
        return `(torch.log(${args[0]}) / torch.log(${args[1]}))`;
      return `${FUNCTIONS[name]}(${args.join(', ')})`;
    }
    default:
      throw new Error(`cannot translate a ${v.type}`);
  }
}

/** Python for the expression, or null when it cannot be parsed (the caller writes a stub). */
export function expressionToPython(source: string): string | null {
  try {
    return translate(parseExpression(source));
  } catch {
    return null;
  }
}

/**
 * Python for a checked tree whose other symbols (a catalog surface's parameters and constants)
 * are Python variables the caller defines.
 */
export const treeToPython = (tree: MathNode): string => translate(tree);
