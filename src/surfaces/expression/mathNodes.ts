import type { MathNode } from 'mathjs';
import { math } from './mathInstance.ts';

/**
 * The few mathjs node shapes this module reads and builds, typed loosely: mathjs's own node
 * types are generic over operator names in a way that fights ordinary tree rewriting.
 */
export interface ConstantShape {
  type: 'ConstantNode';
  value: unknown;
}
export interface SymbolShape {
  type: 'SymbolNode';
  name: string;
}
export interface ParenthesisShape {
  type: 'ParenthesisNode';
  content: MathNode;
}
export interface OperatorShape {
  type: 'OperatorNode';
  op: string;
  fn: string;
  args: MathNode[];
  implicit: boolean;
}
export interface FunctionShape {
  type: 'FunctionNode';
  fn: MathNode;
  name: string;
  args: MathNode[];
}
export type Shape = ConstantShape | SymbolShape | ParenthesisShape | OperatorShape | FunctionShape;

/** View a mathjs node as one of the shapes above (other node types come back as-is). */
export const shape = (node: MathNode): Shape => node as unknown as Shape;

type Ctor = new (...args: unknown[]) => MathNode;
const OperatorNode = math.OperatorNode as unknown as Ctor;
const FunctionNode = math.FunctionNode as unknown as Ctor;
const SymbolNode = math.SymbolNode as unknown as Ctor;
const ConstantNode = math.ConstantNode as unknown as Ctor;

const FN_OF_OP: Readonly<Record<string, string>> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '^': 'pow',
};

export const constant = (value: number): MathNode => new ConstantNode(value);
export const symbol = (name: string): MathNode => new SymbolNode(name);
export const call = (name: string, args: MathNode[]): MathNode =>
  new FunctionNode(new SymbolNode(name), args);
export const binary = (op: string, a: MathNode, b: MathNode): MathNode =>
  new OperatorNode(op, FN_OF_OP[op], [a, b]);
export const negate = (a: MathNode): MathNode => new OperatorNode('-', 'unaryMinus', [a]);
/** An n-ary node with the same operator as `like` (mathjs allows n-ary + and *). */
export const withArgs = (like: { op: string; fn: string }, args: MathNode[]): MathNode =>
  new OperatorNode(like.op, like.fn, args);

/** Number of nodes in a tree. */
export function countNodes(node: MathNode): number {
  let n = 0;
  node.traverse(() => {
    n++;
  });
  return n;
}
