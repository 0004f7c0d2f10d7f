import { SURFACE_LIST } from '../../src/surfaces/catalog/index.ts';
import { describe, expect, it } from 'vitest';
import { latexToText, unknownCommands } from '../../src/view/panels/latexToText.ts';

describe('latexToText', () => {
  it('renders fractions, Greek letters, functions and powers as text', () => {
    expect(
      latexToText(
        'f = \\frac{u^2}{\\kappa} + v^2,\\quad u = x\\cos\\theta + y\\sin\\theta,\\; v = -x\\sin\\theta + y\\cos\\theta',
      ),
    ).toBe('f = u²/κ + v²,   u = x cos θ + y sin θ, v = -x sin θ + y cos θ');
    expect(latexToText('f = (a - x)^2 + b\\,(y - x^2)^2')).toBe('f = (a - x)² + b (y - x²)²');
  });
  it('parenthesises compound exponents, roots and fraction parts', () => {
    expect(latexToText('f = 1 - e^{-(x^2 + y^2)/w^2}')).toBe('f = 1 - e^(-(x² + y²)/w²)');
    expect(latexToText('\\sqrt{\\frac{1}{2}(x^2 + y^2)}')).toBe('√(1/2(x² + y²))');
  });
  it('uses Unicode subscripts where they exist and _(…) otherwise', () => {
    expect(latexToText('d_s + c_f + x_{10}')).toBe('dₛ + c_f + x₁₀');
  });
  it('keeps unknown commands by name instead of dropping them', () => {
    expect(latexToText('\\foo(x)')).toBe('foo(x)');
  });
  it('reads \\tfrac like \\frac, transposes and norms', () => {
    expect(latexToText('\\tfrac{x^4}{3} + \\dfrac{1}{2}')).toBe('x⁴/3 + 1/2');
    expect(latexToText('w^\\top x + \\lVert w\\rVert^2')).toBe('wᵀ x + ‖w‖²');
    // A fraction multiplying what follows is one factor.
    expect(latexToText('\\frac{1}{n}\\sum_i x_i + \\frac{\\lambda}{2}\\lVert w \\rVert')).toBe(
      '(1/n)Σᵢ xᵢ + (λ/2)‖w‖',
    );
  });
  it('knows every command the catalog formulas use', () => {
    for (const s of SURFACE_LIST) expect(unknownCommands(s.formula), s.id).toEqual([]);
    expect(unknownCommands('\\foo + \\frac{1}{2} + \\alpha')).toEqual(['foo']);
  });
});
