import type { MathNode } from 'mathjs';
import type { Objective2D } from '../../engine/objective2d.ts';
import { assertAllowedTree } from './allowedTree.ts';
import { parseExpression } from './checkExpression.ts';
import { derivativeText, differentiate, type Derivatives } from './differentiate.ts';
import { ExpressionError } from './expressionError.ts';
import { generateObjective } from './generateJs.ts';
import { IRBuilder } from './ir.ts';
import { lower } from './lower.ts';
import { math } from './mathInstance.ts';

export interface DerivativeText {
  fx: string;
  fy: string;
  fxx: string;
  fxy: string;
  fyy: string;
}

export interface CompiledExpression {
  source: string;
  objective: Objective2D;
  /**
   * The exact partial derivatives as mathjs text, for display (abs' shown as sign). Computed
   * on first read (simplified by mathjs when the tree is small).
   */
  derivativeText: DerivativeText;
}

/**
 * Compile a typed surface: check it, differentiate it twice with mathjs, and generate f, ∇f, the
 * Hessian and the grid loop as straight-line JavaScript (generateJs.ts: no text of the user's
 * reaches it; no mathjs on the hot path).
 * Throws ExpressionError for anything the checker rejects or that is too large to
 * differentiate. The objective never throws: outside f's real domain (where mathjs would go
 * complex), or where a derivative does not exist (sqrt(x²+y²) at 0), it returns NaN or ±∞.
 */
export function compileExpression(source: string): CompiledExpression {
  const hit = cache.get(source);
  if (hit) {
    // Refresh its place: the map's order is least-recently used first.
    cache.delete(source);
    cache.set(source, hit);
    if (hit instanceof ExpressionError) throw hit;
    return hit;
  }
  let result: CompiledExpression | ExpressionError;
  try {
    result = compileUncached(source);
  } catch (e) {
    if (e instanceof ExpressionError) result = e;
    // A tree deep enough to exhaust the stack while differentiating (a product of a hundred
    // factors passes the nesting check, its derivative does not): refuse it like any other.
    else if (e instanceof RangeError)
      result = new ExpressionError(
        'this expression is too complex to differentiate',
        0,
        source.length,
      );
    else throw e;
  }
  cache.set(source, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  if (result instanceof ExpressionError) throw result;
  return result;
}

/**
 * Recently compiled expressions (and refusals): validating a link, building its surface and
 * re-typing an earlier expression then compile once. Compiled objectives are stateless
 * functions, so sharing one between callers is safe.
 */
const CACHE_SIZE = 16;
const cache = new Map<string, CompiledExpression | ExpressionError>();

/** A surface expression compiled once; `bind` makes its objective for parameter values. */
export interface CompiledSurface {
  bind(params: ArrayLike<number>): Objective2D;
  derivatives: Derivatives;
}

/** Differentiate a checked tree and generate its code; parameters in `paramNames`' order. */
function compileTree(
  tree: MathNode,
  source: string,
  paramNames: readonly string[],
): CompiledSurface {
  const derivatives = differentiate(tree, source);
  const d = derivatives;
  const b = new IRBuilder(paramNames);
  const lowerD = (n: MathNode) => lower(b, n, true, d.signs);
  const roots = {
    f: lower(b, tree, false),
    fx: lowerD(d.fx),
    fy: lowerD(d.fy),
    fxx: lowerD(d.fxx),
    fxy: lowerD(d.fxy),
    fyy: lowerD(d.fyy),
  };
  return { bind: generateObjective(roots, paramNames.length), derivatives };
}

/**
 * Compile one of our own surface expressions (a catalog surface): f in x, y and the named
 * parameters, which `bind` takes in `paramNames`' order. Its source is ours, not a user's, so it
 * skips the typed-input checks (which allow no names but x, y, pi and e) and keeps the tree check.
 */
export function compileSurfaceExpression(
  source: string,
  paramNames: readonly string[],
): CompiledSurface {
  return compileTree(parseSurfaceExpression(source, paramNames), source, paramNames);
}

/** The checked tree of one of our own surface expressions (see compileSurfaceExpression). */
export function parseSurfaceExpression(source: string, paramNames: readonly string[]): MathNode {
  const tree = math.parse(source);
  assertAllowedTree(tree, source, paramNames);
  return tree;
}

function compileUncached(source: string): CompiledExpression {
  const { bind, derivatives } = compileTree(parseExpression(source), source, []);
  return { source, objective: bind([]), derivativeText: lazyTexts(derivatives) };
}

/** Each derivative's text, made on first read: it runs mathjs's simplify, too slow up front. */
function lazyTexts(d: Derivatives): DerivativeText {
  const texts = {} as DerivativeText;
  for (const key of ['fx', 'fy', 'fxx', 'fxy', 'fyy'] as const) {
    let text: string | undefined;
    const get = () => (text ??= derivativeText(d[key], d.signs));
    Object.defineProperty(texts, key, { enumerable: true, get });
  }
  return texts;
}
