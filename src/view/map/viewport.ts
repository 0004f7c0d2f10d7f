import type { Domain } from '../../surfaces/surface.ts';

/**
 * The map's geometry: which part of the plane is shown and where it lands on the canvas.
 * One domain unit is the same number of pixels in x and y, so a gradient is drawn perpendicular
 * to its contour line (a stretched map would make gradient descent look as if it cut contours
 * at an angle).
 */

/** The pixel rectangle the plane is drawn in (CSS pixels). */
export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** px = ax + bx·x, py = ay + by·y (by < 0: y grows upwards). */
export interface Mapping {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

/**
 * The smallest view containing `domain` with the rect's aspect ratio: the short side of the
 * domain is widened about its centre.
 */
export function fitView(domain: Domain, width: number, height: number): Domain {
  const dw = domain.xMax - domain.xMin;
  const dh = domain.yMax - domain.yMin;
  if (!(width > 0) || !(height > 0) || !(dw > 0) || !(dh > 0)) return { ...domain };
  const unitsPerPx = Math.max(dw / width, dh / height);
  const cx = (domain.xMin + domain.xMax) / 2;
  const cy = (domain.yMin + domain.yMax) / 2;
  const hw = (unitsPerPx * width) / 2;
  const hh = (unitsPerPx * height) / 2;
  return { xMin: cx - hw, xMax: cx + hw, yMin: cy - hh, yMax: cy + hh };
}

export function mappingOf(view: Domain, rect: PlotRect): Mapping {
  const bx = rect.width / (view.xMax - view.xMin);
  const by = -rect.height / (view.yMax - view.yMin);
  return { ax: rect.left - bx * view.xMin, bx, ay: rect.top - by * view.yMax, by };
}

/** Whether the pixel (x, y) lies in the rect (edges included). */
export const insideRect = (rect: PlotRect, x: number, y: number): boolean =>
  x >= rect.left && x <= rect.left + rect.width && y >= rect.top && y <= rect.top + rect.height;

/** Whether the domain point (x, y) lies in the view (edges included). */
export const insideView = (v: Domain, x: number, y: number): boolean =>
  x >= v.xMin && x <= v.xMax && y >= v.yMin && y <= v.yMax;

export const toPx = (m: Mapping, x: number): number => m.ax + m.bx * x;
export const toPy = (m: Mapping, y: number): number => m.ay + m.by * y;
export const fromPx = (m: Mapping, px: number): number => (px - m.ax) / m.bx;
export const fromPy = (m: Mapping, py: number): number => (py - m.ay) / m.by;

/** Scale the view by `factor` (< 1 zooms in) keeping the point (x, y) where it is. */
export function zoomView(view: Domain, x: number, y: number, factor: number): Domain {
  return {
    xMin: x + (view.xMin - x) * factor,
    xMax: x + (view.xMax - x) * factor,
    yMin: y + (view.yMin - y) * factor,
    yMax: y + (view.yMax - y) * factor,
  };
}

/** Whether a view is usable: finite, non-empty, and not so small that float64 runs out of digits. */
export function viewUsable(v: Domain): boolean {
  const w = v.xMax - v.xMin;
  const h = v.yMax - v.yMin;
  const scale = Math.max(
    Math.abs(v.xMin),
    Math.abs(v.xMax),
    Math.abs(v.yMin),
    Math.abs(v.yMax),
    1e-300,
  );
  return (
    Number.isFinite(w) &&
    Number.isFinite(h) &&
    w > scale * 1e-9 &&
    h > scale * 1e-9 &&
    w < 1e12 &&
    h < 1e12
  );
}

// Rounding a picked point lives with pickedPoint, which the map and the 3D scene share.
export { pickDecimals, roundTo } from '../../state/pickedPoint.ts';
