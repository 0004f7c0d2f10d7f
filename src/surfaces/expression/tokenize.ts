/**
 * A lexer for the typed expression that records where every token is, so that rejections can
 * point at the offending part (mathjs's parse tree carries no source positions). It splits the
 * source the way mathjs's parser does for everything we allow; anything else becomes a `bad`
 * token carrying the reason it is forbidden.
 */
export type TokenKind = 'number' | 'name' | 'operator' | 'open' | 'close' | 'comma' | 'bad';

export interface Token {
  kind: TokenKind;
  text: string;
  index: number;
  /** For `bad` tokens: the message saying what is not allowed. */
  reason?: string;
}

/** Quote a part for a message; control characters (a newline) are shown escaped. */
export const show = (text: string): string =>
  [...text].some((ch) => ch.charCodeAt(0) < 0x20)
    ? JSON.stringify(text)
    : /^["'`]/.test(text)
      ? text
      : `"${text}"`;

const forbidden = (category: string, text: string) => `${category} (${show(text)}) are not allowed`;

// As in mathjs, a dot followed by *, / or ^ is an element-wise operator, not a decimal mark.
const NUMBER = /(?:\d+(?:\.(?![*/^])\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const RADIX_LITERAL = /0[xXbBoO][0-9a-zA-Z_.]*/y;
/** Whitespace mathjs skips (a newline would start a second statement, so it is not here). */
const SPACE = /[ \t\u00a0]+/y;

/** Forbidden operators, longest first so `>>>` wins over `>>` and `>`. */
const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['>>>', 'bitwise operators'],
  ['<<', 'bitwise operators'],
  ['>>', 'bitwise operators'],
  ['==', 'comparisons'],
  ['!=', 'comparisons'],
  ['<=', 'comparisons'],
  ['>=', 'comparisons'],
  ['.*', 'element-wise operators'],
  ['./', 'element-wise operators'],
  ['.^', 'element-wise operators'],
  ['<', 'comparisons'],
  ['>', 'comparisons'],
  ['=', 'assignments and function definitions'],
  ['!', 'factorials'],
  ['?', 'conditionals'],
  [':', 'ranges'],
  ['[', 'matrices and arrays'],
  [']', 'matrices and arrays'],
  ['{', 'objects'],
  ['}', 'objects'],
  [';', 'several statements'],
  ['\n', 'line breaks'],
  ['\r', 'line breaks'],
  ['%', 'modulo and percent'],
  ['&', 'bitwise operators'],
  ['|', 'bitwise operators'],
  ['~', 'bitwise operators'],
  ['#', 'comments'],
];

function stickyMatch(re: RegExp, source: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(source);
  return m ? m[0] : null;
}

/** The string literal starting at `at` (through its closing quote, or to the end). */
function quoted(source: string, at: number): string {
  const q = source[at];
  let i = at + 1;
  while (i < source.length && source[i] !== q) i += source[i] === '\\' ? 2 : 1;
  return source.slice(at, Math.min(i + 1, source.length));
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const space = stickyMatch(SPACE, source, i);
    if (space) {
      i += space.length;
      continue;
    }
    const c = source[i];
    const radix = stickyMatch(RADIX_LITERAL, source, i);
    if (radix && radix.length > 2) {
      const text = radix;
      tokens.push({
        kind: 'bad',
        text,
        index: i,
        reason: forbidden('hexadecimal, binary and octal numbers', text),
      });
      i += text.length;
      continue;
    }
    const num = stickyMatch(NUMBER, source, i);
    if (num) {
      tokens.push({ kind: 'number', text: num, index: i });
      i += num.length;
      continue;
    }
    const name = stickyMatch(NAME, source, i);
    if (name) {
      tokens.push({ kind: 'name', text: name, index: i });
      i += name.length;
      continue;
    }
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'operator', text: c, index: i });
    else if (c === '(') tokens.push({ kind: 'open', text: c, index: i });
    else if (c === ')') tokens.push({ kind: 'close', text: c, index: i });
    else if (c === ',') tokens.push({ kind: 'comma', text: c, index: i });
    else if (c === '"' || c === "'" || c === '`') {
      const text = quoted(source, i);
      tokens.push({ kind: 'bad', text, index: i, reason: forbidden('strings and quotes', text) });
      i += text.length;
      continue;
    } else if (c === '.') {
      // `a.b` (property access) or `.^` (element-wise): name the dot with what follows it.
      const op = FORBIDDEN.find(([t]) => source.startsWith(t, i));
      const text = op ? op[0] : '.' + (stickyMatch(NAME, source, i + 1) ?? '');
      const reason = op ? op[1] : 'property access';
      tokens.push({ kind: 'bad', text, index: i, reason: forbidden(reason, text) });
      i += text.length;
      continue;
    } else {
      const op = FORBIDDEN.find(([t]) => source.startsWith(t, i));
      // Astral characters are two UTF-16 units: name the whole character.
      const text = op ? op[0] : String.fromCodePoint(source.codePointAt(i)!);
      const reason = op ? forbidden(op[1], text) : `the character ${show(text)} is not allowed`;
      tokens.push({ kind: 'bad', text, index: i, reason });
      i += text.length;
      continue;
    }
    i += 1;
  }
  return tokens;
}
