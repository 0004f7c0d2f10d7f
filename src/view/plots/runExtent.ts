import type { RunResult } from '../../engine/run.ts';
import type { Domain } from '../../surfaces/surface.ts';

/**
 * Which iterates of a run a plot's range is taken from, and where a run that blew up or wandered
 * off left for good. One diverging run (SGD above 2/λmax) reaches 1e60 long before float64
 * overflows; if its values set the axis, every other curve is a flat line at the bottom.
 */

/**
 * How far past the surface's domain an iterate may go and still count, as a fraction of the
 * domain's width (height): the map shows a little past the domain, and a run that steps just
 * over its edge and back is not news; one that goes further has left the part anyone drew.
 */
export const DOMAIN_MARGIN = 0.1;

/**
 * |value| above which a plotted value does not set a range. No catalog surface comes near it
 * inside its domain (Goldstein–Price peaks near 1e6); a typed expression with a pole can.
 */
export const ABSURD = 1e12;

export interface RunExtent {
  /** keep[k] = 1 when iterate k is finite, in (or near) the domain, and its loss not absurd. */
  keep: Uint8Array;
  /**
   * The step at which the run left for good (the one after its last kept iterate) when it ended
   * outside (diverged, or finite but away from the domain); null when it ended inside.
   */
  leftAt: number | null;
}

/** The extent of a run over a domain (null: every finite, non-absurd iterate counts). */
export function runExtent(r: RunResult, domain: Domain | null): RunExtent {
  const n = r.points;
  const keep = new Uint8Array(n);
  let box: Domain | null = null;
  if (domain && n > 0) {
    // The box includes the start, so a run started outside the view is judged from there.
    const x0 = r.trajectory[0];
    const y0 = r.trajectory[1];
    const xMin = Math.min(domain.xMin, x0);
    const xMax = Math.max(domain.xMax, x0);
    const yMin = Math.min(domain.yMin, y0);
    const yMax = Math.max(domain.yMax, y0);
    const mx = DOMAIN_MARGIN * (xMax - xMin);
    const my = DOMAIN_MARGIN * (yMax - yMin);
    box = { xMin: xMin - mx, xMax: xMax + mx, yMin: yMin - my, yMax: yMax + my };
  }
  let last = -1;
  for (let k = 0; k < n; k++) {
    const x = r.trajectory[2 * k];
    const y = r.trajectory[2 * k + 1];
    const f = r.losses[k];
    const inside = !box || (x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax);
    // NaN fails every comparison: a non-finite iterate is never kept.
    if (inside && Math.abs(f) <= ABSURD && Number.isFinite(x) && Number.isFinite(y)) {
      keep[k] = 1;
      last = k;
    }
  }
  const endedInside = last === n - 1 && r.divergedAt === null;
  return { keep, leftAt: endedInside || n === 0 ? null : last + 1 };
}
