/**
 * Colours and fonts for the canvas-drawn map and plots. A canvas cannot use CSS variables, so
 * these repeat theme.css's values (keep the two in step).
 */
export const INK = {
  text: '#e6e8ee',
  muted: '#9aa3b2',
  border: '#2a2f3a',
  grid: 'rgba(154,163,178,0.14)',
  bg: '#0f1115',
  panel: '#171a21',
  danger: '#ff6b6b',
  focus: '#8ab4ff',
} as const;

export const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const FONT_SMALL = '10px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Size a canvas's backing store for its CSS size and the device pixel ratio; returns the ratio.
 * Reassigning width clears the canvas, so it is only done when a size actually changes.
 */
export function fitCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): number {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return dpr;
}
