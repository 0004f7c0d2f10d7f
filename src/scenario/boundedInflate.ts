import { Inflate } from 'fflate';

/**
 * Raw DEFLATE decompression that gives up as soon as the output passes `maxBytes`.
 *
 * A share link is untrusted: a few kilobytes of DEFLATE can expand a thousandfold (a "zip
 * bomb"). Inflating in one call would first produce all of it, so the input is fed in chunks
 * and the output counted after each: the work done is bounded by maxBytes plus what one chunk
 * can expand to (DEFLATE's limit is ~1032× its size, so 1 MB here), whatever the input. A
 * typical link's data is a few hundred bytes: one chunk.
 */
const CHUNK = 1024;

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'corrupt' | 'too-large' };

export function boundedInflate(input: Uint8Array, maxBytes: number): InflateResult {
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const stream = new Inflate((data) => {
    total += data.length;
    if (total > maxBytes) tooLarge = true;
    else parts.push(data);
  });
  try {
    for (let i = 0; i < input.length && !tooLarge; i += CHUNK) {
      const end = Math.min(i + CHUNK, input.length);
      stream.push(input.subarray(i, end), end === input.length);
    }
    if (input.length === 0) stream.push(input, true);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes };
}
