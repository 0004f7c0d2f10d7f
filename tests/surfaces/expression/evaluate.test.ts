import { compile } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/surfaces/expression/index.ts';
import { randomStream } from './random.ts';

/** Expressions and a box inside their real domain, so mathjs's evaluate stays real. */
const CASES: readonly { source: string; box: number }[] = [
  { source: '(1 - x)^2 + 100*(y - x^2)^2', box: 2 },
  { source: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)', box: 5.12 },
  { source: 'tanh(x^2 + y^2 - 4) + sinh(x/3)*cosh(y/3)', box: 3 },
  { source: 'sin(x)*cos(y) + tan(x/4) - -y + +x', box: 3 },
  { source: 'exp(-(x^2 + y^2)/2) + e^(x*y/3) + 2^x', box: 3 },
  { source: 'log(1 + x^2) + log(2 + y^2, 10) - log(3 + x*y/2, e)', box: 2.5 },
  { source: 'sqrt(1 + x^2 + y^2) + (2 + cos(x))^1.5 + abs(x - y)', box: 3 },
  { source: 'asin(x/4)*acos(y/4) + atan(x*y)', box: 3.5 },
  { source: 'x^3*y - x^5/7 + y^4 - (x - y)^2 + (x + y)^2 - x^-1 + y^17/1e9', box: 3 },
  { source: '(1 + x^2)^(y/2) + x*y/(1 + x^2) - y/(2 + sin(x*y))', box: 2 },
  {
    source: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
    box: 5,
  },
  {
    source:
      '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
    box: 2,
  },
];

describe('compiled f equals mathjs evaluate', () => {
  it.each(CASES)('$source', ({ source, box }) => {
    const ours = compileExpression(source).objective.f;
    const theirs = compile(source);
    const rand = randomStream(source.length);
    let worst = 0;
    for (let k = 0; k < 500; k++) {
      const x = (2 * rand() - 1) * box;
      const y = (2 * rand() - 1) * box;
      const want = theirs.evaluate({ x, y }) as number;
      expect(typeof want).toBe('number');
      const got = ours(x, y);
      worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});
