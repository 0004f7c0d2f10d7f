/** A number for a message: six significant digits, without trailing zeros (NaN, ±Infinity as is). */
export const formatNumber = (v: number): string => Number(v.toPrecision(6)).toString();

/** A point for a message: "(x, y)". */
export const formatPoint = (x: number, y: number): string =>
  `(${formatNumber(x)}, ${formatNumber(y)})`;
