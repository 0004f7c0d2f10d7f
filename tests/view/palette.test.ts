import { describe, expect, it } from 'vitest';
import { PALETTE, runDash } from '../../src/view/palette.ts';
import { LUT_SIZE, VIRIDIS_LUT } from '../../src/view/colormap.ts';

/*
 * Measurements for the run colours. Colour differences are CIE76 ΔE in CIELAB (D65); colour
 * vision deficiency is simulated with Machado, Oliveira & Fernandes (2009), severity 1.0, on
 * linear RGB; contrast is WCAG 2's ratio of relative luminances.
 */
type Rgb = readonly [number, number, number];

const hexRgb = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as never;
const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number) => {
  const c = Math.min(1, Math.max(0, l));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

// Machado et al. 2009, Table 1, severity 1.0.
const DEUTERANOPIA = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const PROTANOPIA = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
const simulate = (rgb: Rgb, m: number[][]): Rgb => {
  const l = rgb.map(toLinear);
  return m.map((r) => fromLinear(r[0] * l[0] + r[1] * l[1] + r[2] * l[2])) as never;
};

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: Rgb, b: Rgb) => {
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((u, v) => v - u);
  return (hi + 0.05) / (lo + 0.05);
};

const colours = PALETTE.map(hexRgb);
/** The page and the 3D scene's background (theme.css --bg, Scene3D's clear colour). */
const BACKGROUND = hexRgb('#0f1115');
/** The start marker, drawn white in both views (Markers3D.tsx, mapMarkers.ts drawStartHandle). */
const START_MARKER: Rgb = [255, 255, 255];
const viridis: Rgb[] = Array.from(
  { length: LUT_SIZE },
  (_, i) => [VIRIDIS_LUT[4 * i], VIRIDIS_LUT[4 * i + 1], VIRIDIS_LUT[4 * i + 2]] as const,
);

const minPairwise = (view: (c: Rgb) => Rgb) => {
  let min = Infinity;
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++)
      min = Math.min(min, deltaE(view(colours[i]), view(colours[j])));
  return min;
};

describe('run colours', () => {
  it('are eight distinct colours, none of them white, the start marker’s colour', () => {
    expect(PALETTE).toHaveLength(8);
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(8);
    for (const c of colours) expect(deltaE(c, START_MARKER)).toBeGreaterThan(30);
  });

  it('read on the dark background (contrast ≥ 4:1)', () => {
    for (const c of colours) expect(contrast(c, BACKGROUND)).toBeGreaterThanOrEqual(4);
  });

  it('stay clear of every viridis colour the surface can take (ΔE > 20)', () => {
    for (const c of colours) {
      const nearest = Math.min(...viridis.map((v) => deltaE(c, v)));
      expect(nearest).toBeGreaterThan(20);
    }
  });

  it('stay apart for normal vision, deuteranopia and protanopia (pairwise ΔE > 12)', () => {
    expect(minPairwise((c) => c)).toBeGreaterThan(12);
    expect(minPairwise((c) => simulate(c, DEUTERANOPIA))).toBeGreaterThan(12);
    expect(minPairwise((c) => simulate(c, PROTANOPIA))).toBeGreaterThan(12);
  });

  it('the simulation is Machado’s: it keeps greys and merges red with green for a deuteranope', () => {
    const grey: Rgb = [128, 128, 128];
    expect(deltaE(simulate(grey, DEUTERANOPIA), grey)).toBeLessThan(1);
    // Pure red and a green of the same luminance look nearly alike to a deuteranope.
    const red: Rgb = [255, 0, 0];
    const green: Rgb = [0, 139, 0];
    expect(deltaE(red, green)).toBeGreaterThan(50);
    expect(deltaE(simulate(red, DEUTERANOPIA), simulate(green, DEUTERANOPIA))).toBeLessThan(
      deltaE(red, green) / 3,
    );
  });

  it('draws the first run solid and every later one dashed, with gaps shorter than dashes', () => {
    expect(runDash(0)).toBeNull();
    for (let i = 1; i < 8; i++) {
      const d = runDash(i)!;
      expect(d.gap).toBeGreaterThan(0);
      expect(d.gap).toBeLessThan(d.dash);
    }
  });
});
