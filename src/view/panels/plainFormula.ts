/**
 * What a formula shows before KaTeX has loaded (see Formula.tsx): the source with its commands and braces taken out: `\frac{1}{2}x^2` reads
 * `(1)/(2)x^2`.
 */
export function plainFormula(latex: string): string {
  return latex
    .replace(/\\(?:[,;:!]|quad|qquad|left|right)/g, ' ')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\([A-Za-z]+)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
