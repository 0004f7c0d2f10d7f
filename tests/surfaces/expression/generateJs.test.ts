import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/surfaces/expression/checkExpression.ts';
import { differentiate } from '../../../src/surfaces/expression/differentiate.ts';
import { emit } from '../../../src/surfaces/expression/emit.ts';
import { IRBuilder } from '../../../src/surfaces/expression/ir.ts';
import { lower } from '../../../src/surfaces/expression/lower.ts';
import { pointFunction, pointWriter } from '../../../src/surfaces/expression/programFunctions.ts';
import {
  generatePointFunction,
  generatePointWriter,
} from '../../../src/surfaces/expression/generateJs.ts';
import { randomStream } from './random.ts';

// Expressions that between them produce every opcode the emitter has (fused forms included).
const EXPRESSIONS = [
  '(1 - x)^2 + 100*(y - x^2)^2',
  '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
  '-20*exp(-0.2*sqrt(0.5*(x^2+y^2))) - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))) + e + 20',
  'sin(x*y) + tan(x/3) + sinh(y/2) + cosh(x/4) + tanh(x - y)',
  'log(x^2 + y^2 + 1) + abs(x - y) + asin(x/10) + acos(y/10) + atan(x*y)',
  '(x + y)^2 + x^7 - y^(-3) + x^0.5 + 2^x + e^(x*y) + e^y',
  'x^2 - y^2 + 0.25*y^4 - (x*y)^3 / (1 + x^2)',
];

describe('generated JavaScript', () => {
  it('computes exactly what the register machine computes: f, ∇f and the Hessian', () => {
    const rnd = randomStream(7);
    for (const src of EXPRESSIONS) {
      const tree = parseExpression(src);
      const d = differentiate(tree, src);
      const b = new IRBuilder();
      const fp = emit([lower(b, tree, false)]);
      const gp = emit([lower(b, d.fx, true, d.signs), lower(b, d.fy, true, d.signs)]);
      const hp = emit([
        lower(b, d.fxx, true, d.signs),
        lower(b, d.fxy, true, d.signs),
        lower(b, d.fyy, true, d.signs),
      ]);
      const [fJ, fM] = [generatePointFunction(fp)!, pointFunction(fp)];
      const [gJ, gM] = [generatePointWriter(gp)!, pointWriter(gp)];
      const [hJ, hM] = [generatePointWriter(hp)!, pointWriter(hp)];
      expect(fJ).toBeTypeOf('function');
      const a = new Float64Array(3);
      const m = new Float64Array(3);
      for (let i = 0; i < 300; i++) {
        const x = 8 * rnd() - 4;
        const y = 8 * rnd() - 4;
        // Object.is: NaN equals NaN, and +0/−0 are told apart — bit-for-bit agreement.
        expect(Object.is(fJ(x, y), fM(x, y)), `${src} f at (${x}, ${y})`).toBe(true);
        gJ(x, y, a);
        gM(x, y, m);
        expect(Object.is(a[0], m[0]) && Object.is(a[1], m[1]), `${src} ∇f`).toBe(true);
        hJ(x, y, a);
        hM(x, y, m);
        for (let k = 0; k < 3; k++) expect(Object.is(a[k], m[k]), `${src} H[${k}]`).toBe(true);
      }
    }
  });
});
