import type { Objective } from '../../engine/objective.ts';
import { parseExpression } from './checkExpression.ts';
import { derivativeText, differentiate } from './differentiate.ts';
import { emit } from './emit.ts';
import { generatePointFunction, generatePointWriter } from './generateJs.ts';
import { pointFunction, pointWriter } from './programFunctions.ts';
import { IRBuilder } from './ir.ts';
import { lower } from './lower.ts';

export interface DerivativeText {
  fx: string;
  fy: string;
  fxx: string;
  fxy: string;
  fyy: string;
}

export interface CompiledExpression {
  source: string;
  objective: Objective;
  /**
   * The exact partial derivatives as mathjs text, for display (abs' shown as sign). Computed
   * on first read (simplified by mathjs when the tree is small).
   */
  derivativeText: DerivativeText;
}

/**
 * Compile a typed surface: check it, differentiate it twice with mathjs, and compile f, ∇f and
 * the Hessian to register-machine code, then to straight-line JavaScript generated from that
 * code alone (generateJs.ts: no text of the user's reaches it; no mathjs on the hot path).
 * Throws ExpressionError for anything the checker rejects or that is too large to
 * differentiate. The objective never throws: outside f's real domain (where mathjs would go
 * complex), or where a derivative does not exist (sqrt(x²+y²) at 0), it returns NaN or ±∞.
 */
export function compileExpression(source: string): CompiledExpression {
  const tree = parseExpression(source);
  const d = differentiate(tree, source);
  const b = new IRBuilder();
  const lowerD = (n: typeof tree) => lower(b, n, true, d.signs);
  const fp = emit([lower(b, tree, false)]);
  const gp = emit([lowerD(d.fx), lowerD(d.fy)]);
  const hp = emit([lowerD(d.fxx), lowerD(d.fxy), lowerD(d.fyy)]);
  // Generated straight-line code where allowed (hand-written speed), the interpreter otherwise.
  const objective: Objective = {
    f: generatePointFunction(fp) ?? pointFunction(fp),
    grad: generatePointWriter(gp) ?? pointWriter(gp),
    hess: generatePointWriter(hp) ?? pointWriter(hp),
  };
  // Text is made on first read: it runs mathjs's simplify, too slow to make up front.
  let text: DerivativeText | null = null;
  const texts = (): DerivativeText =>
    (text ??= {
      fx: derivativeText(d.fx, d.signs),
      fy: derivativeText(d.fy, d.signs),
      fxx: derivativeText(d.fxx, d.signs),
      fxy: derivativeText(d.fxy, d.signs),
      fyy: derivativeText(d.fyy, d.signs),
    });
  return {
    source,
    objective,
    derivativeText: {
      get fx() {
        return texts().fx;
      },
      get fy() {
        return texts().fy;
      },
      get fxx() {
        return texts().fxx;
      },
      get fxy() {
        return texts().fxy;
      },
      get fyy() {
        return texts().fyy;
      },
    },
  };
}
