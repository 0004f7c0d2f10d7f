import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/view/niceTicks.ts';
import { logTicks } from '../../src/view/plots/logTicks.ts';
import { MAX_LABEL_CHARS, logTickLabels, tickLabels } from '../../src/engine/formatNumber.ts';

/** What offset-notation labels stand for: base + k·unit, read back from the sentence. */
function decode(offset: string, label: string): number {
  const m = /^(−?[\d.]+) \+ k(?:·1e(−?-?\d+))?$/.exec(offset);
  if (!m) throw new Error(`unreadable offset ${offset}`);
  const num = (s: string) => Number(s.replace('−', '-'));
  const unit = m[2] === undefined ? 1 : 10 ** num(m[2]);
  return num(m[1]) + num(label) * unit;
}

/** Every label's value, whichever notation was chosen. */
function values(ticks: number[]): number[] {
  const { labels, offset } = tickLabels(ticks);
  return labels.map((l) => (offset ? decode(offset, l) : Number(l.replace('−', '-'))));
}

function expectShortExactDistinct(ticks: number[]) {
  const { labels } = tickLabels(ticks);
  expect(labels).toHaveLength(ticks.length);
  expect(new Set(labels).size).toBe(labels.length);
  for (const l of labels) expect(l.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
  const step = ticks[1] - ticks[0];
  values(ticks).forEach((v, i) => expect(Math.abs(v - ticks[i])).toBeLessThan(step * 1e-6));
}

describe('tickLabels', () => {
  it('prints ordinary ranges as plain decimals with a real minus sign', () => {
    expect(tickLabels(niceTicks(-1, 7, 8)).labels).toEqual([
      '−1',
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(tickLabels([-0.5, 0, 0.5, 1]).labels).toEqual(['−0.5', '0', '0.5', '1.0']);
    expect(tickLabels([0.25, 0.5]).labels).toEqual(['0.25', '0.50']);
  });

  it('keeps Easom-like tiny ranges short, exact and distinct: domain [π − 1e-3, π + 1e-3]', () => {
    for (const count of [2, 3, 5, 8]) {
      const ticks = niceTicks(Math.PI - 1e-3, Math.PI + 1e-3, count);
      expectShortExactDistinct(ticks);
      // Plain labels when they fit ("3.141", "3.142"), else an offset from 3.14….
      const { offset } = tickLabels(ticks);
      if (offset !== null) expect(offset).toMatch(/^3\.14\d* \+ k·1e-\d$/);
    }
    // Ten times narrower, "3.14152" would not fit: offsets from 3.1416.
    const ticks = niceTicks(Math.PI - 1e-4, Math.PI + 1e-4, 5);
    expectShortExactDistinct(ticks);
    expect(tickLabels(ticks).offset).toBe('3.1416 + k·1e-5');
  });

  it('labels a loss range hugging −1 (Easom’s hole, −1 … −0.99996) by an offset from it', () => {
    const ticks = niceTicks(-1, -0.99996, 4);
    expectShortExactDistinct(ticks);
    expect(tickLabels(ticks).offset).toMatch(/^−1 \+ k·1e-5$/);
  });

  it('uses power-of-ten labels for large or tiny magnitudes', () => {
    expect(tickLabels([2e6, 4e6, 6e6]).labels).toEqual(['2e6', '4e6', '6e6']);
    expect(tickLabels([1e-6, 2e-6, 3e-6]).labels).toEqual(['1e−6', '2e−6', '3e−6']);
    expectShortExactDistinct([150000, 200000, 250000]);
  });

  it('keeps large values with a tiny spread exact by an offset', () => {
    const ticks = [1000001, 1000002, 1000003];
    expectShortExactDistinct(ticks);
    expect(tickLabels(ticks).offset).toBe('1000000 + k');
  });

  it('is short and distinct over a sweep of ranges and tick counts', () => {
    for (const c of [-1000, -3.7, -1, 0, 0.001, 1, Math.PI, 42.5, 1e5])
      for (const w of [1e-7, 1e-4, 0.003, 0.5, 10, 1e4])
        for (const n of [2, 5, 9]) {
          // niceTicks rounds to 12 significant digits: past that the ticks themselves are inexact.
          if (Math.abs(c) / w > 1e9) continue;
          const ticks = niceTicks(c - w, c + w, n);
          if (ticks.length >= 2) expectShortExactDistinct(ticks);
        }
  });
});

describe('logTickLabels', () => {
  it('keeps decade labels and falls back to tickLabels for a narrow range near 1', () => {
    expect(logTickLabels([1e-6, 1e-4, 0.01, 1]).labels).toEqual(['10⁻⁶', '10⁻⁴', '0.01', '1']);
    const narrow = logTicks(0.99992, 0.99997, 5);
    const { labels, offset } = logTickLabels(narrow);
    expect(offset).not.toBeNull();
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
  });
});
