import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/surfaces/catalog/index.ts';
import { plainFormula } from '../../src/view/panels/plainFormula.ts';

describe('catalog formulas', () => {
  const withFormula = Object.values(SURFACES).filter((s) => s.formula);

  it('every surface has a formula', () => {
    expect(withFormula.length).toBe(Object.keys(SURFACES).length);
  });

  it.each(withFormula.map((s) => [s.id, s.formula] as const))(
    '%s typesets without a KaTeX error',
    (_id, latex) => {
      const html = katex.renderToString(latex, { throwOnError: true, strict: 'error' });
      expect(html).toContain('class="katex"');
      expect(html).not.toContain('katex-error');
    },
  );

  it('reads as plain text while KaTeX loads', () => {
    expect(plainFormula('f = \\frac{1}{2}(x^2 + y^2)')).toBe('f = (1)/(2)(x^2 + y^2)');
    expect(plainFormula('(a - x)^2 + b\\,(y - x^2)^2')).toBe('(a - x)^2 + b (y - x^2)^2');
    for (const s of withFormula) expect(plainFormula(s.formula)).not.toMatch(/[\\{}]/);
  });
});
