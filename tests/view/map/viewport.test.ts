import { describe, expect, it } from 'vitest';
import {
  fitView,
  fromPx,
  fromPy,
  mappingOf,
  pickDecimals,
  roundTo,
  toPx,
  toPy,
  viewUsable,
  zoomView,
} from '../../../src/view/map/viewport.ts';

const domain = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('fitView', () => {
  it('widens the short side so one unit is the same number of pixels in x and y', () => {
    const v = fitView(domain, 800, 400);
    expect(v.yMin).toBe(-1);
    expect(v.yMax).toBe(3);
    expect((v.xMax - v.xMin) / 800).toBeCloseTo((v.yMax - v.yMin) / 400, 12);
    expect((v.xMin + v.xMax) / 2).toBeCloseTo(0, 12);
  });

  it('always contains the whole domain', () => {
    for (const [w, h] of [
      [300, 900],
      [900, 300],
      [500, 500],
    ]) {
      const v = fitView(domain, w, h);
      expect(v.xMin).toBeLessThanOrEqual(domain.xMin);
      expect(v.xMax).toBeGreaterThanOrEqual(domain.xMax);
      expect(v.yMin).toBeLessThanOrEqual(domain.yMin + 1e-12);
      expect(v.yMax).toBeGreaterThanOrEqual(domain.yMax - 1e-12);
    }
  });
});

describe('mappingOf', () => {
  const rect = { left: 40, top: 10, width: 400, height: 400 };
  const m = mappingOf({ xMin: -2, xMax: 2, yMin: -1, yMax: 3 }, rect);

  it('puts the view’s corners on the rect’s corners, y growing upwards', () => {
    expect(toPx(m, -2)).toBe(40);
    expect(toPx(m, 2)).toBe(440);
    expect(toPy(m, 3)).toBe(10);
    expect(toPy(m, -1)).toBe(410);
  });

  it('round-trips domain → pixel → domain', () => {
    for (const [x, y] of [
      [0, 0],
      [-1.7, 2.9],
      [1e-9, -0.999],
      [123.4, -567.8],
    ]) {
      expect(fromPx(m, toPx(m, x))).toBeCloseTo(x, 9);
      expect(fromPy(m, toPy(m, y))).toBeCloseTo(y, 9);
    }
  });
});

describe('zoomView', () => {
  it('keeps the zoom centre fixed and scales the extent', () => {
    const v = zoomView(domain, 1, 2, 0.5);
    expect(v.xMax - v.xMin).toBeCloseTo(2, 12);
    expect(v.yMax - v.yMin).toBeCloseTo(2, 12);
    // (1, 2) sits at the same fraction of the view before and after.
    expect((1 - v.xMin) / (v.xMax - v.xMin)).toBeCloseTo((1 - domain.xMin) / 4, 12);
    expect((2 - v.yMin) / (v.yMax - v.yMin)).toBeCloseTo((2 - domain.yMin) / 4, 12);
  });

  it('refuses views float64 cannot resolve or that are absurdly large', () => {
    expect(viewUsable(domain)).toBe(true);
    expect(viewUsable({ xMin: 1, xMax: 1 + 1e-14, yMin: 0, yMax: 1 })).toBe(false);
    expect(viewUsable({ xMin: -1e13, xMax: 1e13, yMin: 0, yMax: 1 })).toBe(false);
    expect(viewUsable({ xMin: 0, xMax: Number.NaN, yMin: 0, yMax: 1 })).toBe(false);
  });
});

describe('pickDecimals', () => {
  it('rounds a picked point to within half a pixel', () => {
    for (const upp of [0.013, 0.5, 2, 7e-5]) {
      const d = pickDecimals(upp);
      const x = 1.23456789;
      expect(Math.abs(roundTo(x, d) - x)).toBeLessThanOrEqual(upp / 2);
    }
    expect(pickDecimals(0.01)).toBe(3);
  });
});
