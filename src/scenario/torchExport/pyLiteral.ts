import type { ParamValue } from '../../engine/params.ts';

/**
 * Python source literals for generated code. Floats are written as Python's repr writes them
 * (the shortest digits that round-trip, scientific notation below 1e-4 and from 1e16), so the
 * exported script carries exactly the doubles of the scenario.
 */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits.
  const [mantissa, expText] = Math.abs(v).toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = v < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
}

/** A Python int literal (for step counts and other whole-number parameters). */
export const pyInt = (v: number): string => (Number.isSafeInteger(v) ? String(v) : pyFloat(v));

/**
 * A Python str literal. JSON's escapes are valid in Python; lone surrogates, which Python can
 * hold but not print, become U+FFFD.
 */
export function pyString(s: string): string {
  return JSON.stringify(
    s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}

/**
 * Text safe inside a `#` comment: untrusted text (a label from a link) must not be able to end
 * the comment and start a line of code, so every line break and control character goes.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
export const pyComment = (s: string): string => s.replace(LINE_BREAKING, ' ');

/** A parameter value as a keyword argument's value: floats, ints, True/False, tuples, lists. */
export function pyValue(v: ParamValue, integer = false, tuple = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'number') return integer ? pyInt(v) : pyFloat(v);
  const items = v.map((x) => (integer ? pyInt(x) : pyFloat(x)));
  if (tuple) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  return `[${items.join(', ')}]`;
}
