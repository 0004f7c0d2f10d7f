import { useEffect, useState } from 'react';
import { plainFormula } from './plainFormula.ts';

/**
 * A catalog formula typeset by KaTeX. KaTeX and its stylesheet (~300 KB with fonts) are loaded
 * on first use, by dynamic import, so they stay out of the first bundle; until they arrive the
 * formula shows as plain text.
 */
type Katex = typeof import('katex').default;

let katex: Promise<Katex> | null = null;
const loadKatex = () =>
  (katex ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([m]) => m.default,
  ));

/** Typeset formulas, so a surface picked again shows at once. */
const rendered = new Map<string, string>();

function typeset(k: Katex, latex: string): string {
  let html = rendered.get(latex);
  if (html === undefined) {
    // A formula KaTeX cannot read shows its error in place rather than breaking the panel
    // (tests/view/formula.test.ts checks that every catalog formula reads).
    html = k.renderToString(latex, { throwOnError: false, output: 'htmlAndMathml' });
    rendered.set(latex, html);
  }
  return html;
}

export function Formula({ latex }: { latex: string }) {
  const [html, setHtml] = useState<string | null>(() => rendered.get(latex) ?? null);
  useEffect(() => {
    let live = true;
    setHtml(rendered.get(latex) ?? null);
    loadKatex().then(
      (k) => live && setHtml(typeset(k, latex)),
      // Offline with the chunk missing: the plain text stays.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [latex]);
  return html === null ? (
    <code>{plainFormula(latex)}</code>
  ) : (
    // KaTeX's own output for a formula from the catalog (never user text); it includes MathML,
    // which screen readers read.
    <span className="katex-formula" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
