import type { ScenarioRun } from '../scenario/scenario.ts';

/**
 * Eight run colours chosen from published colour-blind-aware palettes: Okabe & Ito (2008)
 * vermillion, sky blue, reddish purple and orange; Tableau 10 yellow, pink and red; Paul Tol's
 * "vibrant" magenta. Okabe–Ito's other three are left out for this app's backgrounds: its
 * bluish green and blue vanish into viridis's green and blue, and its black into the dark page.
 * None is white (the start marker's colour in both views).
 *
 * Constraints checked by tests/view/palette.test.ts: contrast ≥ 4 against the page background,
 * a clear distance from every viridis colour and from white, and pairwise distances that stay
 * apart under simulated deuteranopia and protanopia. Ordered so the first runs (a lesson's two
 * or three) differ the most: vermillion and sky blue are far apart for every viewer.
 */
export const PALETTE = [
  '#D55E00',
  '#56B4E9',
  '#EE3377',
  '#EDC948',
  '#FF9DA7',
  '#E15759',
  '#CC79A7',
  '#E69F00',
] as const;

export const runColor = (run: ScenarioRun, i: number): string =>
  run.color ?? PALETTE[i % PALETTE.length];

/**
 * Run i's dash pattern in CSS pixels on the map (the 3D view scales it), null for solid. The
 * first run is solid; later runs leave short gaps, so a run lying exactly on an earlier one (a
 * duplicate, or Adam and AdamW with no weight decay) lets the earlier colour show through
 * instead of hiding it. The phase shifts with i, so several coinciding runs do not leave their
 * gaps in one place.
 */
export function runDash(i: number): { dash: number; gap: number; phase: number } | null {
  if (i <= 0) return null;
  return { dash: 9, gap: 4, phase: ((i - 1) * 4) % 13 };
}

export { runLabel } from '../scenario/runLabel.ts';
