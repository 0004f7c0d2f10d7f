/**
 * Why a typed expression was rejected, and where: `index` is the 0-based character position of
 * the offending part in the source and `length` its length (0 for "at the end"), so an editor can
 * underline it. The message names the part and repeats the position 1-based as "(char N)",
 * the same convention as mathjs's own syntax errors.
 */
export class ExpressionError extends Error {
  readonly index: number;
  readonly length: number;

  constructor(message: string, index: number, length: number) {
    super(`${message} (char ${index + 1})`);
    this.name = 'ExpressionError';
    this.index = index;
    this.length = length;
  }
}
