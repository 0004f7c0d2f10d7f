/** User-typed surfaces: a mathjs expression in x and y, checked, differentiated and compiled. */
export { ExpressionError } from './expressionError.ts';
export { checkExpression, type CheckResult } from './checkExpression.ts';
export {
  compileExpression,
  type CompiledExpression,
  type DerivativeText,
} from './compileExpression.ts';
export { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './limits.ts';
export { FUNCTION_NAMES } from './allowList.ts';
