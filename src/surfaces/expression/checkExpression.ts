import type { MathNode } from 'mathjs';
import {
  FUNCTION_NAMES,
  FUNCTIONS,
  isConstantName,
  isFunctionName,
  isVariableName,
} from './allowList.ts';
import { ExpressionError } from './expressionError.ts';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './limits.ts';
import { math } from './mathInstance.ts';
import { tokenize, type Token } from './tokenize.ts';
import { assertAllowedTree } from './allowedTree.ts';

/** mathjs infix words that are operators, not symbols (`x mod y`, `2 in`). */
const WORD_OPERATORS = new Set(['mod', 'to', 'in', 'and', 'or', 'not', 'xor']);

/** Hints for names people type for things we do allow. */
const NAME_HINTS: Readonly<Record<string, string>> = {
  PI: 'write pi',
  Pi: 'write pi',
  π: 'write pi',
  E: 'write e',
  ln: 'log(u) is the natural logarithm',
  log10: 'write log(u, 10)',
  log2: 'write log(u, 2)',
  pow: 'write u^v',
};

const fail = (message: string, at: { index: number; text: string }): never => {
  throw new ExpressionError(message, at.index, at.text.length);
};

// Own keys only: `constructor`, `__proto__` or `toString` must not find Object.prototype's.
const hint = (name: string) => (Object.hasOwn(NAME_HINTS, name) ? `; ${NAME_HINTS[name]}` : '');

/** Whether the call `name(` opened at tokens[open] is followed, after its `)`, by `=`. */
function isDefinition(tokens: readonly Token[], open: number): boolean {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k].kind === 'open') depth++;
    else if (tokens[k].kind === 'close' && --depth === 0) {
      const next = tokens[k + 1];
      return next !== undefined && next.kind === 'bad' && next.text === '=';
    }
  }
  return false;
}

/** Reject a name that is not a variable, constant or allowed function call. */
function checkName(tokens: readonly Token[], k: number): void {
  const t = tokens[k];
  const called = tokens[k + 1]?.kind === 'open';
  const name = t.text;
  if (WORD_OPERATORS.has(name)) fail(`the operator "${name}" is not allowed`, t);
  if (isFunctionName(name)) {
    if (!called) fail(`the function "${name}" needs parentheses, e.g. ${name}(x)`, t);
    return;
  }
  if (isVariableName(name) || isConstantName(name)) {
    if (called) fail(`"${name}" is not a function: write ${name}*(…) to multiply`, t);
    return;
  }
  if (called && isDefinition(tokens, k + 1))
    fail(`function definitions ("${name}(…) =") are not allowed`, t);
  // `a.b`: the property access is the point, not that `a` is unknown.
  const next = tokens[k + 1];
  if (next?.kind === 'bad' && next.text.startsWith('.')) fail(next.reason!, next);
  if (called)
    fail(`unknown function "${name}"${hint(name)} (allowed: ${FUNCTION_NAMES.join(', ')})`, t);
  fail(`unknown symbol "${name}": only x, y, pi and e may be used${hint(name)}`, t);
}

interface OpenParen {
  token: Token;
  /** The function name when this parenthesis opens a call's arguments. */
  call: string | null;
  args: number;
}

/**
 * Check the token stream left to right and report the first offending part: forbidden
 * characters and operators, unknown names, implicit multiplication (`2x`, `x y`, `(x)(y)`:
 * rejected, because mathjs gives it surprising precedence, e.g. `1/2x` = (1/2)·x), grammar
 * (a value where one is expected), argument counts and nesting depth.
 */
function checkTokens(source: string, tokens: readonly Token[]): void {
  const stack: OpenParen[] = [];
  let expectValue = true;
  let prev: Token | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'bad') fail(t.reason!, t);
    if (t.kind === 'name') checkName(tokens, k);
    const startsValue = t.kind === 'number' || t.kind === 'name' || t.kind === 'open';
    if (!expectValue && startsValue)
      fail(`missing "*" between "${prev!.text}" and "${t.text}" (write the multiplication)`, t);
    switch (t.kind) {
      case 'number':
        expectValue = false;
        break;
      case 'name':
        if (isFunctionName(t.text)) {
          const open = tokens[k + 1];
          k++;
          stack.push({ token: open, call: t.text, args: 1 });
          if (stack.length > MAX_NESTING_DEPTH)
            fail(`nested deeper than ${MAX_NESTING_DEPTH} levels`, open);
          if (tokens[k + 1]?.kind === 'close')
            fail(`"${t.text}()" needs an argument`, tokens[k + 1]);
          prev = open;
          continue;
        }
        expectValue = false;
        break;
      case 'open':
        stack.push({ token: t, call: null, args: 1 });
        if (stack.length > MAX_NESTING_DEPTH)
          fail(`nested deeper than ${MAX_NESTING_DEPTH} levels`, t);
        break;
      case 'operator':
        if (expectValue && t.text !== '+' && t.text !== '-')
          fail(`missing value before "${t.text}"`, t);
        expectValue = true;
        break;
      case 'close':
        if (expectValue) fail(`missing value before ")"`, t);
        if (stack.length === 0) fail(`unmatched ")"`, t);
        stack.pop();
        break;
      case 'comma': {
        if (expectValue) fail(`missing value before ","`, t);
        const top = stack[stack.length - 1];
        if (!top || top.call === null) fail(`unexpected "," outside a function's arguments`, t);
        const max = FUNCTIONS[top.call!].maxArgs;
        if (++top.args > max)
          fail(`"${top.call}" takes ${max === 1 ? 'one argument' : `at most ${max} arguments`}`, t);
        expectValue = true;
        break;
      }
    }
    prev = t;
  }
  if (expectValue) {
    const message = prev ? `missing value after "${prev.text}"` : 'type an expression in x and y';
    fail(message, { index: source.length, text: '' });
  }
  if (stack.length > 0) fail(`unclosed "("`, stack[stack.length - 1].token);
}

/** mathjs's syntax errors say "(char N)", 1-based; turn one into an ExpressionError. */
function fromMathjsError(source: string, e: unknown): ExpressionError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /\(char (\d+)\)/.exec(message);
  const index = m ? Math.min(Math.max(Number(m[1]) - 1, 0), source.length) : 0;
  return new ExpressionError(message.replace(/\s*\(char \d+\)/, ''), index, m ? 1 : source.length);
}

/**
 * Parse and validate a typed expression; throws ExpressionError naming the first offending part.
 * Returns mathjs's tree, checked against the allow-list a second time as a safety net.
 */
export function parseExpression(source: string): MathNode {
  if (source.length > MAX_SOURCE_LENGTH)
    throw new ExpressionError(
      `the expression is too long (${source.length} characters; at most ${MAX_SOURCE_LENGTH})`,
      MAX_SOURCE_LENGTH,
      source.length - MAX_SOURCE_LENGTH,
    );
  checkTokens(source, tokenize(source));
  let tree: MathNode;
  try {
    tree = math.parse(source);
  } catch (e) {
    throw fromMathjsError(source, e);
  }
  assertAllowedTree(tree, source);
  return tree;
}

export type CheckResult = { ok: true } | { ok: false; error: ExpressionError };

/** Cheap enough for every keystroke: tokens plus one mathjs parse, no differentiation. */
export function checkExpression(source: string): CheckResult {
  try {
    parseExpression(source);
    return { ok: true };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, error: e };
    // parseExpression only throws ExpressionError by design; keep the promise for anything else.
    return { ok: false, error: new ExpressionError(String(e), 0, source.length) };
  }
}
