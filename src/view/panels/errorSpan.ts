/**
 * Split a typed expression around an error's position for display: the text before, the part
 * to underline (at least one character, or an empty marker at the end), and the rest.
 */
export function splitAtError(
  source: string,
  index: number,
  length: number,
): { before: string; marked: string; after: string } {
  const start = Math.max(0, Math.min(source.length, index));
  const end = Math.min(source.length, start + Math.max(1, length));
  return {
    before: source.slice(0, start),
    marked: source.slice(start, end),
    after: source.slice(end),
  };
}
