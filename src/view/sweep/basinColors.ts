import { BASIN_DIVERGED, BASIN_MOVING } from '../../scenario/sweep/basinOf.ts';
import type { SweepResult } from '../../scenario/sweep/sweepResult.ts';

/**
 * Colours for a basin map's outcomes, drawn translucent over the landscape: one per known
 * minimum (Tableau 10's blue, orange, green, purple, teal, brown, olive: distinct from each
 * other and, at the overlay's opacity, readable over viridis), black for diverged, white for
 * ending nowhere near a minimum (still moving, or stuck on a saddle or plateau).
 */
export const MINIMUM_COLORS = [
  '#4E79A7',
  '#F28E2B',
  '#59A14F',
  '#B07AA1',
  '#76B7B2',
  '#9C755F',
  '#BAB0AC',
] as const;
export const DIVERGED_COLOR = '#000000';
export const MOVING_COLOR = '#ffffff';

export function basinColor(end: number): string {
  if (end === BASIN_DIVERGED) return DIVERGED_COLOR;
  if (end === BASIN_MOVING) return MOVING_COLOR;
  return MINIMUM_COLORS[end % MINIMUM_COLORS.length];
}

/** One legend row: an outcome, its colour and how many of the computed cells (first seed) end so. */
export interface BasinCount {
  end: number;
  color: string;
  label: string;
  cells: number;
}

/** How the first seed's computed cells of a basin map end, most common first. */
export function basinCounts(r: SweepResult): BasinCount[] {
  const ends = r.ends;
  if (!ends) return [];
  const counts = new Map<number, number>();
  for (let c = 0; c < r.plan.cellsPerSeed; c++) {
    if (Number.isNaN(r.values[c])) continue;
    counts.set(ends[c], (counts.get(ends[c]) ?? 0) + 1);
  }
  const minima = r.plan.minima;
  const label = (end: number) => {
    if (end === BASIN_DIVERGED) return 'diverged';
    if (end === BASIN_MOVING) return 'still moving (no minimum)';
    const m = minima[end];
    return m ? `minimum at (${fmt(m[0])}, ${fmt(m[1])})` : `minimum ${end + 1}`;
  };
  return [...counts.entries()]
    .map(([end, cells]) => ({ end, cells, color: basinColor(end), label: label(end) }))
    .sort((a, b) => b.cells - a.cells);
}

const fmt = (v: number) => String(Number(v.toPrecision(3)));
