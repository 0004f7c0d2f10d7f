import { SUPERSCRIPT } from '../superscript.ts';

/**
 * The catalog's formulas are LaTeX; the panel shows them as readable Unicode text without a
 * math renderer. This covers what the catalog uses (fractions, roots, Greek letters, sums,
 * super/subscripts, spacing); anything unknown is left as its command name, never dropped.
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  sum: 'Σ',
  prod: 'Π',
  cdot: '·',
  times: '×',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  infty: '∞',
  nabla: '∇',
  partial: '∂',
  pm: '±',
  approx: '≈',
  to: '→',
  quad: '   ',
  qquad: '    ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  left: '',
  right: '',
  big: '',
  Big: '',
  mathrm: '',
  operatorname: '',
  text: '',
  cos: 'cos',
  sin: 'sin',
  tan: 'tan',
  exp: 'exp',
  ln: 'ln',
  log: 'log',
  max: 'max',
  min: 'min',
  '{': '{',
  '}': '}',
  '|': '‖',
  '\\': ' ',
  Vert: '‖',
  lVert: '‖',
  rVert: '‖',
  vert: '|',
  lvert: '|',
  rvert: '|',
  // Transpose: w^\top reads wᵀ (the superscript map turns T into ᵀ).
  top: 'T',
};

/** Commands with arguments, handled in convert. */
const FRACTIONS = new Set(['frac', 'tfrac', 'dfrac']);
const WITH_ARGUMENTS = new Set([...FRACTIONS, 'sqrt']);

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  i: 'ᵢ',
  j: 'ⱼ',
  s: 'ₛ',
  a: 'ₐ',
  e: 'ₑ',
  o: 'ₒ',
  x: 'ₓ',
  k: 'ₖ',
  n: 'ₙ',
  m: 'ₘ',
  t: 'ₜ',
  r: 'ᵣ',
  u: 'ᵤ',
  v: 'ᵥ',
  p: 'ₚ',
  l: 'ₗ',
  h: 'ₕ',
};

/** Unicode super/subscript when every character has one; otherwise ^(…) / _(…). */
function script(body: string, map: Readonly<Record<string, string>>, mark: string): string {
  const chars = [...body];
  if (chars.length > 0 && chars.every((c) => map[c])) return chars.map((c) => map[c]).join('');
  return chars.length === 1 ? `${mark}${body}` : `${mark}(${body})`;
}

/** Read one argument at i: a {group} or a single character. Returns [text, next index]. */
function readArg(src: string, i: number): [string, number] {
  while (src[i] === ' ') i++;
  if (src[i] !== '{') {
    if (src[i] === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(src.slice(i));
      if (m) return [convert(m[0]), i + m[0].length];
    }
    return [src[i] ?? '', i + 1];
  }
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === '{') depth++;
    else if (src[j] === '}' && --depth === 0) return [convert(src.slice(i + 1, j)), j + 1];
  }
  return [convert(src.slice(i + 1)), src.length];
}

const wrap = (s: string) => (/^[\p{L}\p{N}.·²³]+$/u.test(s) ? s : `(${s})`);

function convert(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(src.slice(i));
      if (!m) {
        i++;
        continue;
      }
      const name = m[1];
      i += m[0].length;
      if (FRACTIONS.has(name)) {
        const [num, a] = readArg(src, i);
        const [den, b] = readArg(src, a);
        // A fraction multiplying what follows reads as one factor: (1/n)Σ, (λ/2)‖w‖².
        const factor = /^\s*(?:[A-Za-z]|\\(?:sum|prod|lVert|Vert|lvert)(?![A-Za-z]))/.test(
          src.slice(b),
        );
        const text = `${wrap(num)}/${wrap(den)}`;
        out += factor ? `(${text})` : text;
        i = b;
      } else if (name === 'sqrt') {
        const [arg, a] = readArg(src, i);
        out += `√${wrap(arg)}`;
        i = a;
      } else if (name in SYMBOLS) {
        const sym = SYMBOLS[name];
        if (name === 'rVert' || name === 'rvert') out = out.trimEnd();
        // Function names (cos, exp) stand apart from the letters around them: x cos θ.
        const word = /^[A-Za-z]{2,}$/.test(sym);
        if (word && /[\p{L}\p{N}]$/u.test(out)) out += ' ';
        out += sym;
        if (word && /[\p{L}\p{N}\\]/u.test(src[i] ?? '')) out += ' ';
        // Norm bars hug their contents: \lVert w \rVert reads ‖w‖.
        if (name === 'lVert' || name === 'lvert') while (src[i] === ' ') i++;
      } else out += name;
    } else if (c === '^' || c === '_') {
      const [arg, a] = readArg(src, i + 1);
      out += c === '^' ? script(arg, SUPERSCRIPT, '^') : script(arg, SUB, '_');
      i = a;
    } else if (c === '{' || c === '}') i++;
    else {
      out += c;
      i++;
    }
  }
  return out;
}

export function latexToText(src: string): string {
  return convert(src)
    .replace(/ {2,}(?=\S)/g, (m) => (m.length >= 3 ? '   ' : ' '))
    .trim();
}

/** The commands in src that latexToText does not know (it would print their bare names). */
export function unknownCommands(src: string): string[] {
  const names = [...src.matchAll(/\\([A-Za-z]+)/g)].map((m) => m[1]);
  return names.filter((n) => !(n in SYMBOLS) && !WITH_ARGUMENTS.has(n));
}
