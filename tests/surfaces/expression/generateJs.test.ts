import { describe, expect, it } from 'vitest';
import { evaluate } from 'mathjs';
import {
  compileExpression,
  compileSurfaceExpression,
} from '../../../src/surfaces/expression/compileExpression.ts';
import { fillGridCoords } from '../../../src/surfaces/grid/gridSample.ts';
import { randomStream } from './random.ts';

// Every function and power form the generator writes (integer powers, e^u, Math.pow, hoisted
// parameter-only and y-only parts).
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
  it('gives the grid loop the same f and ∇f as the point functions, bit for bit', () => {
    const xs = new Float64Array(23);
    const ys = new Float64Array(17);
    fillGridCoords(-3.7, 3.1, xs.length, xs);
    fillGridCoords(-2.9, 3.3, ys.length, ys);
    const n = xs.length * ys.length;
    const [f, gx, gy] = [n, n, n].map((m) => new Float64Array(m));
    const g = new Float64Array(2);
    for (const src of EXPRESSIONS) {
      const o = compileExpression(src).objective;
      o.fgGrid!(xs, ys, f, gx, gy);
      for (let j = 0, k = 0; j < ys.length; j++)
        for (let i = 0; i < xs.length; i++, k++) {
          o.grad(xs[i], ys[j], g);
          // Object.is: NaN equals NaN, and +0/−0 are told apart.
          const same =
            Object.is(f[k], o.f(xs[i], ys[j])) && Object.is(gx[k], g[0]) && Object.is(gy[k], g[1]);
          if (!same) expect.fail(`${src} at (${xs[i]}, ${ys[j]})`);
        }
    }
  });

  it('binds parameters per instance: f matches mathjs with the values in scope', () => {
    const source = 'a*(x - b)^2 + exp(-c*y^2)*cos(a*y) + b*sqrt(c)';
    const compiled = compileSurfaceExpression(source, ['a', 'b', 'c']);
    const rnd = randomStream(11);
    for (let r = 0; r < 5; r++) {
      const scope = { a: 4 * rnd() - 2, b: 4 * rnd() - 2, c: 3 * rnd() };
      const o = compiled.bind([scope.a, scope.b, scope.c]);
      for (let i = 0; i < 20; i++) {
        const x = 8 * rnd() - 4;
        const y = 8 * rnd() - 4;
        const want = evaluate(source, { ...scope, x, y }) as number;
        expect(o.f(x, y)).toBeCloseTo(want, 12);
      }
    }
  });

  it('refuses a name that is neither a variable, a constant nor a parameter', () => {
    expect(() => compileSurfaceExpression('a*x + q', ['a'])).toThrow(/not allowed/);
  });
});
