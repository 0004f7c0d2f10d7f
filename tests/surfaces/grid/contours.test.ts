import { describe, expect, it } from 'vitest';
import { contourLines, levelSegments } from '../../../src/surfaces/grid/contours.ts';
import type { ContourSet } from '../../../src/surfaces/grid/contours.ts';
import { heightOf } from '../../../src/surfaces/grid/heightTransform.ts';
import { sampleGrid } from '../../../src/surfaces/grid/sampleGrid.ts';
import { objective, paraboloid } from './objectives.ts';

const square = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
const unitCell = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };

type Seg = [number, number, number, number];

function segs(set: ContourSet, li: number): Seg[] {
  const s = levelSegments(set, li);
  const out: Seg[] = [];
  for (let o = 0; o < s.length; o += 4) out.push([s[o], s[o + 1], s[o + 2], s[o + 3]]);
  return out;
}

/** Chain segments by exactly equal endpoints; returns the loops' segment counts, or throws. */
function closedLoops(segments: Seg[]): number[] {
  const key = (x: number, y: number) => `${x},${y}`;
  const at = new Map<string, number[]>();
  segments.forEach(([x0, y0, x1, y1], s) => {
    for (const k of [key(x0, y0), key(x1, y1)]) at.set(k, [...(at.get(k) ?? []), s]);
  });
  for (const [k, list] of at)
    if (list.length !== 2) throw new Error(`endpoint ${k} has degree ${list.length}`);
  const seen = new Set<number>();
  const loops: number[] = [];
  for (let start = 0; start < segments.length; start++) {
    if (seen.has(start)) continue;
    let len = 0;
    let s = start;
    let [x, y] = [segments[s][2], segments[s][3]];
    while (!seen.has(s)) {
      seen.add(s);
      len++;
      const next = at.get(key(x, y))!.find((t) => t !== s)!;
      const [a, b, c, d] = segments[next];
      [x, y] = a === x && b === y ? [c, d] : [a, b];
      s = next;
    }
    expect(s).toBe(start); // came back to where it started
    loops.push(len);
  }
  return loops;
}

describe('contourLines (marching squares)', () => {
  it('paraboloid: endpoints on the circle r = √level within the interpolation error', () => {
    const n = 129;
    const h = 4 / (n - 1);
    const g = sampleGrid(paraboloid, square, n);
    const levels = [0.3, 1, 2.5, 3.7];
    const set = contourLines(g.f, n, g.domain, levels);
    levels.forEach((level, li) => {
      const list = segs(set, li);
      expect(list.length).toBeGreaterThan(20);
      // Linear interpolation of x² along an edge of length h puts the crossing at r̂ with
      // L − h²/4 ≤ r̂² ≤ L (the chord lies above the convex parabola).
      const rMin = Math.sqrt(level - (h * h) / 4) - 1e-6;
      const rMax = Math.sqrt(level) + 1e-6;
      let length = 0;
      for (const [x0, y0, x1, y1] of list) {
        for (const r of [Math.hypot(x0, y0), Math.hypot(x1, y1)]) {
          expect(r).toBeGreaterThanOrEqual(rMin);
          expect(r).toBeLessThanOrEqual(rMax);
        }
        length += Math.hypot(x1 - x0, y1 - y0);
      }
      // One closed loop per level, as long as the circle.
      expect(closedLoops(list)).toEqual([list.length]);
      expect(length).toBeCloseTo(2 * Math.PI * Math.sqrt(level), 2);
    });
    expect(set.segmentCount).toBe(set.levelStart[levels.length]);
  });

  it('traces float32 heights too: a log-height level heightOf(L) is the f-level L', () => {
    const g = sampleGrid(paraboloid, square, 129, { heightMode: 'log' });
    const level = heightOf(2, 'log', g.stats.fMin);
    const list = segs(contourLines(g.z, 129, g.domain, [level]), 0);
    expect(closedLoops(list)).toEqual([list.length]);
    for (const [x0, y0] of list) expect(Math.hypot(x0, y0)).toBeCloseTo(Math.SQRT2, 3);
  });

  it('keeps the caller’s level order (levels need not be sorted) and skips non-finite ones', () => {
    const g = sampleGrid(paraboloid, square, 65);
    const levels = [2.5, NaN, 0.5, 1.5];
    const set = contourLines(g.f, 65, g.domain, levels);
    expect(segs(set, 1)).toEqual([]);
    for (const li of [0, 2, 3]) {
      const r = Math.sqrt(levels[li]);
      for (const [x0, y0] of segs(set, li)) expect(Math.hypot(x0, y0)).toBeCloseTo(r, 2);
    }
  });

  it('an open contour runs boundary to boundary on the grid lines (f = x)', () => {
    const n = 33;
    const g = sampleGrid(
      objective(
        (x) => x,
        () => [1, 0],
      ),
      square,
      n,
    );
    const set = contourLines(g.f, n, g.domain, [0.3]);
    const list = segs(set, 0);
    expect(list).toHaveLength(n - 1);
    for (const [x0, y0, x1, y1] of list) {
      expect([x0, x1]).toEqual([Math.fround(0.3), Math.fround(0.3)]);
      expect(y1 - y0).toBeCloseTo(4 / (n - 1), 6);
    }
  });

  describe('saddle cells (cell-centre average)', () => {
    // One cell, corners a = (0,0), b = (1,0), c = (1,1), d = (0,1); a and c above 0.5.
    it('centre above the level: the high corners connect, the low corners are cut off', () => {
      const values = Float64Array.from([1, 0, 0.2, 1]); // a, b, d, c (row-major)
      const set = contourLines(values, 2, unitCell, [0.5]);
      // Around b: bottom (0.5, 0) to right (1, 0.5). Around d: top (0.375, 1) to left (0, 0.625).
      expect(segs(set, 0)).toEqual([
        [0.5, 0, 1, 0.5],
        [0.375, 1, 0, 0.625],
      ]);
    });

    it('centre below the level: the low corners connect, the high corners are cut off', () => {
      const values = Float64Array.from([1, 0, 0, 0.8]); // centre 0.45
      const set = contourLines(values, 2, unitCell, [0.5]);
      // Around a: bottom (0.5, 0) to left (0, 0.5). Around c: right (1, 0.625) to top (0.625, 1).
      expect(segs(set, 0)).toEqual([
        [0.5, 0, 0, 0.5],
        [1, 0.625, 0.625, 1],
      ]);
    });

    it('the other diagonal (b and d above)', () => {
      const up = contourLines(Float64Array.from([0, 1, 1, 0.2]), 2, unitCell, [0.5]);
      // Centre 0.55 > 0.5: b and d connect, a and c are cut off.
      expect(segs(up, 0)).toEqual([
        [0.5, 0, 0, 0.5],
        [1, 0.625, 0.625, 1],
      ]);
    });

    it('f = xy: the contour branches stay in their own quadrants', () => {
      // Vertices at ±0.5, ±1.5: the central cell is a saddle with centre value 0.
      const g = sampleGrid(
        objective(
          (x, y) => x * y,
          (x, y) => [y, x],
        ),
        { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 },
        4,
      );
      for (const level of [0.1, -0.1]) {
        const list = segs(contourLines(g.f, 4, g.domain, [level]), 0);
        expect(list.length).toBeGreaterThan(0);
        for (const [x0, y0, x1, y1] of list) {
          // Both ends and the midpoint on the level's side: a wrong pairing would join the
          // quadrant-1 branch to the quadrant-3 branch through the origin's far side.
          for (const [x, y] of [
            [x0, y0],
            [x1, y1],
            [(x0 + x1) / 2, (y0 + y1) / 2],
          ])
            expect(Math.sign(x * y)).toBe(Math.sign(level));
        }
      }
    });
  });

  it('a level through vertices draws no zero-length segments', () => {
    // Integer heights with levels exactly on them.
    const n = 9;
    const values = new Float64Array(n * n);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) values[j * n + i] = Math.abs(i - 4) + Math.abs(j - 4);
    const set = contourLines(values, n, square, [1, 2, 3]);
    for (let li = 0; li < 3; li++)
      for (const [x0, y0, x1, y1] of segs(set, li)) {
        expect(x0 === x1 && y0 === y1).toBe(false);
        expect([x0, y0, x1, y1].every(Number.isFinite)).toBe(true);
      }
    expect(set.segmentCount).toBeGreaterThan(0);
  });

  it('masked vertices: cells touching them draw nothing', () => {
    const hole = objective(
      (x, y) => (Math.hypot(x - 1, y) < 0.4 ? NaN : x * x + y * y),
      (x, y) => [2 * x, 2 * y],
    );
    const g = sampleGrid(hole, square, 65);
    expect(g.stats.nonFinite).toBeGreaterThan(0);
    const set = contourLines(g.f, 65, g.domain, [1], { mask: g.mask });
    const list = segs(set, 0);
    expect(list.length).toBeGreaterThan(0);
    const h = 4 / 64;
    for (const [x0, y0] of list) expect(Math.hypot(x0 - 1, y0)).toBeGreaterThan(0.4 - 2 * h);
    // Without the mask the clamped wall around the hole would be traced too.
    const unmasked = contourLines(g.f, 65, g.domain, [1]);
    expect(unmasked.segmentCount).toBeGreaterThan(set.segmentCount);
  });

  it('reuses and grows its buffers', () => {
    const g = sampleGrid(paraboloid, square, 129);
    const levels = Array.from({ length: 40 }, (_, i) => 0.1 + 0.095 * i); // all circles inside
    const first = contourLines(g.f, 129, g.domain, [1]);
    const buffer = first.segments;
    const again = contourLines(g.f, 129, g.domain, levels, {}, first);
    expect(again).toBe(first);
    expect(again.segments.length).toBeGreaterThan(buffer.length); // grew
    expect(again.segments.length).toBeGreaterThanOrEqual(4 * again.segmentCount);
    for (let li = 0; li < levels.length; li++) expect(closedLoops(segs(again, li))).toHaveLength(1);
    // Back to one level: same object, consistent counts.
    const third = contourLines(g.f, 129, g.domain, [2], {}, again);
    expect(third.levelStart).toHaveLength(2);
    expect(third.segmentCount).toBe(segs(third, 0).length);
  });
});
