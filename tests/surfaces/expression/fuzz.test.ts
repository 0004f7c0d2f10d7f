import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  compileExpression,
  ExpressionError,
} from '../../../src/surfaces/expression/index.ts';
import { randomStream } from './random.ts';

/** Pieces of valid input, and of invalid input, glued together at random. */
const VALID = [
  'x',
  'y',
  'pi',
  'e',
  '1',
  '2.5',
  '.5',
  '1e3',
  '3',
  '10',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  ' ',
  '\t',
  'sin(',
  'cos(',
  'tan(',
  'sinh(',
  'cosh(',
  'tanh(',
  'exp(',
  'log(',
  'sqrt(',
  'abs(',
  'asin(',
  'acos(',
  'atan(',
];
const INVALID = [
  '2e',
  '0x1F',
  'sin',
  'z',
  'x1',
  'E',
  'PI',
  'i',
  'Infinity',
  'NaN',
  'true',
  'null',
  '=',
  '==',
  '[',
  ']',
  '{',
  '}',
  '"a"',
  '"',
  "'",
  '.',
  '.^',
  ':',
  '?',
  '!',
  '<',
  '>',
  '&',
  '|',
  '~',
  '%',
  '#',
  ';',
  '\n',
  '@',
  '$',
  '_',
  '\\',
  'π',
  '²',
  '😀',
  '\u00a0',
  'import(',
  'evaluate(',
  'createUnit(',
  'mod',
  'to',
  'in',
  'not',
  'and',
  'cm',
  'f(x) =',
];

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

/** A random well-formed expression using every allowed construct. */
function randomExpression(rand: () => number, depth: number): string {
  const leaf = () => pick(rand, ['x', 'y', 'pi', 'e', String(Math.round(rand() * 40) / 10 + 0.1)]);
  if (depth === 0 || rand() < 0.25) return leaf();
  const sub = () => randomExpression(rand, depth - 1);
  switch (Math.floor(rand() * 5)) {
    case 0:
      return `(${sub()} ${pick(rand, ['+', '-', '*', '/'])} ${sub()})`;
    case 1:
      return `(${sub()})^${pick(rand, ['2', '3', '-1', '0.5', '5', '2.5'])}`;
    case 2:
      return `-${sub()}`;
    case 3:
      return `log(${sub()}, ${pick(rand, ['2', '10', 'e'])})`;
    default:
      return `${pick(rand, ['sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'sqrt', 'abs', 'asin', 'acos', 'atan'])}(${sub()})`;
  }
}

/**
 * mathjs with predictable: true stays real (NaN for sqrt(-1), log(-1), asin(2), (-8)^(1/3))
 * where the default would go complex: the semantics the compiler implements.
 */
const real = create(all, { predictable: true });

/** Token soup (1–20 tokens, now and then hundreds to hit the caps). */
function tokenSoup(rand: () => number): string {
  const n = rand() < 0.02 ? 200 + Math.floor(rand() * 200) : 1 + Math.floor(rand() * 20);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, rand() < 0.97 ? VALID : INVALID);
  return s;
}

/** A well-formed expression with a few random edits: near misses, the usual typing errors. */
function mutated(rand: () => number): string {
  let s = randomExpression(rand, 3);
  const edits = Math.floor(rand() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (s.length + 1));
    if (rand() < 0.5) s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + pick(rand, rand() < 0.7 ? VALID : INVALID) + s.slice(at);
  }
  return s;
}

const g = new Float64Array(2);
const h = new Float64Array(3);

describe('fuzz', () => {
  it('random token strings only ever yield ok or an ExpressionError inside the source', () => {
    const rand = randomStream(20240601);
    let accepted = 0;
    for (let k = 0; k < 4000; k++) {
      const source = rand() < 0.5 ? tokenSoup(rand) : mutated(rand);
      let r: ReturnType<typeof checkExpression>;
      expect(() => (r = checkExpression(source)), JSON.stringify(source)).not.toThrow();
      if (!r!.ok) {
        const e = r!.error;
        expect(e).toBeInstanceOf(ExpressionError);
        expect(e.index).toBeGreaterThanOrEqual(0);
        expect(e.index + e.length).toBeLessThanOrEqual(source.length);
        // The token check and mathjs's parser agree: the tree safety net never has to fire.
        expect(e.message, JSON.stringify(source)).not.toMatch(/\(\w+Node\)/);
        continue;
      }
      accepted++;
      // Whatever passes the check compiles, or is refused as too complex; nothing else.
      try {
        const { objective } = compileExpression(source);
        for (const [x, y] of [
          [0, 0],
          [1.5, -2],
          [-3, 0.25],
        ]) {
          expect(typeof objective.f(x, y)).toBe('number');
          objective.grad(x, y, g);
          objective.hess(x, y, h);
        }
      } catch (e) {
        expect(e, JSON.stringify(source)).toBeInstanceOf(ExpressionError);
      }
    }
    // The generator is not so hostile that nothing gets through.
    expect(accepted).toBeGreaterThan(500);
  });

  it('random well-formed expressions compile, and f agrees with real-valued mathjs', () => {
    const rand = randomStream(77);
    let compared = 0;
    for (let k = 0; k < 300; k++) {
      const source = randomExpression(rand, 4);
      expect(checkExpression(source), source).toEqual({ ok: true });
      const { objective } = compileExpression(source);
      for (let p = 0; p < 4; p++) {
        const x = rand() * 6 - 3;
        const y = rand() * 6 - 3;
        const ours = objective.f(x, y);
        const theirs = real.evaluate(source, { x, y }) as number;
        objective.grad(x, y, g);
        objective.hess(x, y, h);
        if (!Number.isFinite(theirs)) {
          expect(ours, `${source} at (${x}, ${y})`).toBe(theirs);
          continue;
        }
        compared++;
        // Integer powers by multiplication and e^u as exp(u) move the last bits only.
        expect(Math.abs(ours - theirs), `${source} at (${x}, ${y})`).toBeLessThanOrEqual(
          1e-12 * Math.max(Math.abs(theirs), 1e-300) + 1e-300,
        );
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
