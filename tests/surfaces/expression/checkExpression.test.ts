import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  ExpressionError,
  MAX_NESTING_DEPTH,
  MAX_SOURCE_LENGTH,
} from '../../../src/surfaces/expression/index.ts';

/** The rejection for `source`, failing the test if it was accepted. */
function rejection(source: string): ExpressionError {
  const r = checkExpression(source);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(source)}`);
  expect(r.error).toBeInstanceOf(ExpressionError);
  return r.error;
}

describe('checkExpression accepts', () => {
  it.each([
    '(1 - x)^2 + 100*(y - x^2)^2',
    'tanh(x^2 + y^2 - 4)',
    '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
    'sin(x)*cos(y) + tan(x/4) - sinh(y)/cosh(x)',
    'exp(-x^2) + e^y + log(1 + x^2) + log(2 + y^2, 10)',
    'sqrt(x^2 + y^2) + abs(x - y) + asin(x/9) - acos(y/9) + atan(x*y)',
    '-x + +y - -3 * x^-2 * 2^-y',
    '1.5e-3*x + .5*y + 2. * x + 3E2',
    '  x\t+ y ',
  ])('%s', (source) => {
    expect(checkExpression(source)).toEqual({ ok: true });
  });
});

describe('checkExpression rejects, naming the part and its position', () => {
  it.each([
    // [source, index, length, text the message must contain]
    ['x = 1', 2, 1, '"="'],
    ['f(x) = x', 0, 1, 'function definitions ("f(…) =")'],
    ['a.b', 1, 2, 'property access (".b")'],
    ['x.^2', 1, 2, '".^"'],
    ['2.*x', 1, 2, 'element-wise operators (".*")'],
    ['[1,2]', 0, 1, 'matrices and arrays ("[")'],
    ['x[1]', 1, 1, '"["'],
    ['{a: 1}', 0, 1, 'objects ("{")'],
    ['"s"', 0, 3, 'strings and quotes ("s")'],
    ["x'", 1, 1, "strings and quotes (')"],
    ['import({}, {})', 0, 6, 'unknown function "import"'],
    ['evaluate("1")', 0, 8, 'unknown function "evaluate"'],
    ['createUnit("foo")', 0, 10, 'unknown function "createUnit"'],
    ['2 cm', 2, 2, 'unknown symbol "cm"'],
    ['x + z', 4, 1, 'unknown symbol "z"'],
    ['x ? 1 : 2', 2, 1, 'conditionals ("?")'],
    ['x > 1', 2, 1, 'comparisons (">")'],
    ['x >= 1', 2, 2, 'comparisons (">=")'],
    ['x == y', 2, 2, 'comparisons ("==")'],
    ['5!', 1, 1, 'factorials ("!")'],
    ['1:3', 1, 1, 'ranges (":")'],
    ['x; y', 1, 1, '";"'],
    ['x\ny', 1, 1, 'line breaks ("\\n")'],
    ['x % 2', 2, 1, '"%"'],
    ['x & y', 2, 1, 'bitwise operators ("&")'],
    ['x # note', 2, 1, 'comments ("#")'],
    ['x mod 2', 2, 3, 'operator "mod"'],
    ['0x1F + x', 0, 4, 'hexadecimal'],
    ['x @ y', 2, 1, 'the character "@"'],
    ['2x', 1, 1, 'missing "*" between "2" and "x"'],
    ['1/2x', 3, 1, 'missing "*" between "2" and "x"'],
    ['x y', 2, 1, 'missing "*" between "x" and "y"'],
    ['(x)(y)', 3, 1, 'missing "*" between ")" and "("'],
    ['x(y)', 0, 1, '"x" is not a function'],
    ['sin x', 0, 3, 'the function "sin" needs parentheses'],
    ['sin()', 4, 1, '"sin()" needs an argument'],
    ['sin(x, 2)', 5, 1, '"sin" takes one argument'],
    ['log(x, 2, 3)', 8, 1, '"log" takes at most 2 arguments'],
    ['(x, y)', 2, 1, 'unexpected ","'],
    ['x + * 2', 4, 1, 'missing value before "*"'],
    ['x +', 3, 0, 'missing value after "+"'],
    ['x + ()', 5, 1, 'missing value before ")"'],
    ['sin(x', 3, 1, 'unclosed "("'],
    ['x + 1)', 5, 1, 'unmatched ")"'],
    ['', 0, 0, 'type an expression'],
    ['   ', 3, 0, 'type an expression'],
    ['PI * x', 0, 2, 'write pi'],
    ['ln(x)', 0, 2, 'log(u) is the natural logarithm'],
  ] as const)('%j at %i', (source, index, length, text) => {
    const e = rejection(source);
    expect(e.index).toBe(index);
    expect(e.length).toBe(length);
    expect(e.message).toContain(text);
    // The message repeats the position 1-based, as mathjs's own syntax errors do.
    expect(e.message).toContain(`(char ${index + 1})`);
  });

  it('points at the part the index names', () => {
    const source = 'x^2 + 3*zeta - 1';
    const e = rejection(source);
    expect(source.slice(e.index, e.index + e.length)).toBe('zeta');
  });

  it('rejects sources longer than the cap, pointing past the cap', () => {
    const source = 'x + '.repeat(MAX_SOURCE_LENGTH / 4) + 'y';
    expect(source.length).toBeGreaterThan(MAX_SOURCE_LENGTH);
    const e = rejection(source);
    expect(e.index).toBe(MAX_SOURCE_LENGTH);
    expect(e.length).toBe(source.length - MAX_SOURCE_LENGTH);
    expect(e.message).toContain(`at most ${MAX_SOURCE_LENGTH}`);
    // One character under the cap is fine.
    expect(checkExpression('x'.padEnd(MAX_SOURCE_LENGTH, '+x').slice(0, MAX_SOURCE_LENGTH - 1)).ok);
  });

  it('rejects nesting deeper than the cap at the first parenthesis too many', () => {
    const ok = '('.repeat(MAX_NESTING_DEPTH) + 'x' + ')'.repeat(MAX_NESTING_DEPTH);
    expect(checkExpression(ok)).toEqual({ ok: true });
    const deep = '('.repeat(MAX_NESTING_DEPTH + 1) + 'x' + ')'.repeat(MAX_NESTING_DEPTH + 1);
    const e = rejection(deep);
    expect(e.index).toBe(MAX_NESTING_DEPTH);
    expect(e.message).toContain(`deeper than ${MAX_NESTING_DEPTH}`);
    // Function calls count as levels.
    const calls = 'sin('.repeat(MAX_NESTING_DEPTH + 1) + 'x' + ')'.repeat(MAX_NESTING_DEPTH + 1);
    expect(rejection(calls).index).toBe(4 * MAX_NESTING_DEPTH + 3);
  });
});
