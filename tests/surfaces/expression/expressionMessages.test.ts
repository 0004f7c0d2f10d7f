import { describe, expect, it } from 'vitest';
import { checkFinite } from '../../../src/surfaces/expression/checkFinite.ts';
import {
  checkExpression,
  compileExpression,
  MAX_SOURCE_LENGTH,
} from '../../../src/surfaces/expression/index.ts';

const domain = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
const finiteProblem = (source: string, start: [number, number] = [-1.8, 1.8]) =>
  checkFinite(compileExpression(source).objective, domain, start);

const message = (source: string) => {
  const r = checkExpression(source);
  if (r.ok) throw new Error(`accepted: ${source}`);
  return r.error;
};

describe('object keys are unknown symbols with a plain message', () => {
  for (const name of [
    'constructor',
    '__proto__',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    '__defineGetter__',
  ]) {
    it(name, () => {
      const e = message(`x + ${name}`);
      expect(e.message).toBe(`unknown symbol "${name}": only x, y, pi and e may be used (char 5)`);
      expect(e.index).toBe(4);
      expect(e.length).toBe(name.length);
    });
    it(`${name}(x)`, () => {
      const e = message(`${name}(x)`);
      expect(e.message).toMatch(new RegExp(`^unknown function "${name}" \\(allowed: sin, `));
      expect(e.message).not.toContain('native code');
    });
  }
  it('a real hint still shows', () => {
    expect(message('PI * x').message).toContain('write pi');
  });
});

describe('over-long input is refused with the reason, not cut', () => {
  it('names the length and the limit, and marks the part past it', () => {
    const source = `${'x + '.repeat(150)}y`; // 601 characters
    const e = message(source);
    expect(e.message).toBe(
      `the expression is too long (${source.length} characters; at most ${MAX_SOURCE_LENGTH}) (char ${MAX_SOURCE_LENGTH + 1})`,
    );
    expect(e.index).toBe(MAX_SOURCE_LENGTH);
    expect(e.length).toBe(source.length - MAX_SOURCE_LENGTH);
  });
});

describe('checkFinite', () => {
  it('1/0 is infinite everywhere', () => {
    expect(finiteProblem('1/0')).toBe(
      'f is ∞ everywhere in the view, so there is nothing to descend',
    );
  });
  it('sqrt(-1 - x^2) is NaN everywhere', () => {
    expect(finiteProblem('sqrt(-1 - x^2)')).toMatch(/^f is not a number \(NaN\) everywhere/);
  });
  it('log(x) is not finite over half the view and more', () => {
    // log of x ≤ 0: NaN for x < 0 and −∞ at 0, 13 of the 25 grid columns.
    expect(finiteProblem('log(x) + y^2', [1, 1])).toBe(
      'f is not finite over most of the view (52% of it), so runs would stop there',
    );
  });
  it('a pole at the start', () => {
    expect(finiteProblem('1/(x + 1.8) + y^2')).toBe(
      'f is ∞ at the start point (-1.8, 1.8), so every run would stop at step 0',
    );
  });
  it('accepts surfaces finite where it matters', () => {
    expect(finiteProblem('x^2 + y^2')).toBeNull();
    expect(finiteProblem('log(x^2 + y^2)', [1, 1])).toBeNull(); // −∞ at one grid point only
  });
});
