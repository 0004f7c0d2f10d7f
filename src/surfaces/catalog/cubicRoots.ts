/** Real roots of the depressed cubic y³ + p·y + q = 0 (p < 0 here), by the trigonometric method. */
export function cubicRoots(p: number, q: number): number[] {
  const disc = -(4 * p * p * p + 27 * q * q);
  if (disc > 0) {
    const m = 2 * Math.sqrt(-p / 3);
    const phi = Math.acos((3 * q) / (p * m)) / 3;
    return [0, 1, 2].map((j) => m * Math.cos(phi - (2 * Math.PI * j) / 3));
  }
  // One real root (Cardano): the other two are complex.
  const s = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
  return [Math.cbrt(-q / 2 + s) + Math.cbrt(-q / 2 - s)];
}
