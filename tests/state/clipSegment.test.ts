import { describe, expect, it } from 'vitest';
import { clipSegment } from '../../src/state/clipSegment.ts';

const out = new Float64Array(4);
const clip = (x0: number, y0: number, x1: number, y1: number) =>
  clipSegment(x0, y0, x1, y1, 0, 0, 10, 10, out) ? Array.from(out) : null;

describe('clipSegment', () => {
  it('leaves a segment inside the box untouched', () => {
    expect(clip(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
  });

  it('drops a segment entirely outside', () => {
    expect(clip(-5, -5, -1, 20)).toBeNull();
    expect(clip(11, 0, 20, 10)).toBeNull();
  });

  it('cuts a crossing segment at the edges, keeping its direction', () => {
    const c = clip(-5, 5, 15, 5)!;
    expect(c).toEqual([0, 5, 10, 5]);
    const d = clip(5, 5, 25, 15)!; // slope 1/2: leaves through x = 10 at y = 7.5
    expect(d[2]).toBeCloseTo(10, 12);
    expect(d[3]).toBeCloseTo(7.5, 12);
  });

  it('clips a run heading off to 1e300 where it really crosses the view', () => {
    const c = clip(5, 5, 1e300, 1e300)!;
    expect(c[0]).toBe(5);
    expect(c[1]).toBe(5);
    expect(c[2]).toBeCloseTo(10, 9);
    expect(c[3]).toBeCloseTo(10, 9);
  });

  it('handles ends whose difference overflows', () => {
    const c = clip(-1.7e308, 5, 1.7e308, 5)!;
    expect(c).not.toBeNull();
    expect(c[0]).toBeCloseTo(0, 6);
    expect(c[2]).toBeCloseTo(10, 6);
    expect(c[1]).toBe(5);
  });

  it('refuses non-finite ends', () => {
    expect(clip(1, 1, Number.NaN, 2)).toBeNull();
    expect(clip(1, 1, Infinity, 2)).toBeNull();
  });
});
