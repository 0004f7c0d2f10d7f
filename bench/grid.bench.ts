import type { Objective2D } from '../src/engine/objective2d.ts';
import { defaultParams } from '../src/engine/validateParams.ts';
import { SURFACE_LIST } from '../src/surfaces/catalog/index.ts';
import { contourLines } from '../src/surfaces/grid/contours.ts';
import type { ContourSet } from '../src/surfaces/grid/contours.ts';
import { fillGridCoords, type GridSample } from '../src/surfaces/grid/gridSample.ts';
import { evaluatePoints } from '../src/surfaces/grid/evaluatePoints.ts';
import { levelsFor } from '../src/surfaces/grid/levels.ts';
import { sampleGrid } from '../src/surfaces/grid/sampleGrid.ts';
import { percentileRank, ranksOfValid } from '../src/surfaces/grid/select.ts';
import type { Domain } from '../src/surfaces/surface.ts';
import type { BenchRow } from './harness.ts';
import { medianMs } from './harness.ts';

/**
 * The grid sampler at the renderer's default resolution (160², the store's default): heights +
 * normals + stats of every catalog surface (default parameters, its own display transform),
 * contours, and the percentile selection against the sort it replaces. Every surface goes
 * through the same sampleGrid, so its calls into the objective are as polymorphic as in the app
 * after a few surface switches. Budget (issue 11): any analytic surface within 4 ms; the data
 * surface is sampled in a Web Worker, so its row has no budget.
 */
const N = 160;
const BUDGET_MS = 4;
const xsScratch = new Float64Array(N);
const ysScratch = new Float64Array(N);
const gxScratch = new Float64Array(N * N);
const gyScratch = new Float64Array(N * N);
const NAMED = ['rastrigin', 'rosenbrock', 'goldstein_price', 'ackley'];

/**
 * The irreducible part: f and ∇f at every vertex, with no sampler around them — the same path
 * the sampler takes (the surface's own grid loop, or the point functions).
 */
function evaluateOnly(o: Objective2D, d: Domain, out: Float64Array): void {
  fillGridCoords(d.xMin, d.xMax, N, xsScratch);
  fillGridCoords(d.yMin, d.yMax, N, ysScratch);
  if (o.fgGrid) o.fgGrid(xsScratch, ysScratch, out, gxScratch, gyScratch);
  else evaluatePoints(o, xsScratch, ysScratch, out, gxScratch, gyScratch);
}

export function benchGrid(): BenchRow[] {
  const rows: BenchRow[] = [];
  const samples = new Map<string, GridSample>();
  const scratch = new Float64Array(N * N);
  const measured: { id: string; ms: number; evalMs: number; mode: string; data: boolean }[] = [];
  for (const s of SURFACE_LIST) {
    const params = defaultParams(s.params);
    const objective = s.create(params, { seed: 1 });
    const domain = s.domain(params);
    const heightMode = s.view.logHeight ? 'log' : 'linear';
    let g: GridSample | undefined;
    const ms = medianMs(() => {
      g = sampleGrid(objective, domain, N, { heightMode }, g);
    });
    const evalMs = medianMs(() => evaluateOnly(objective, domain, scratch));
    samples.set(s.id, g!);
    measured.push({ id: s.id, ms, evalMs, mode: heightMode, data: s.category === 'data' });
  }
  const row = (m: (typeof measured)[number], label = m.id): BenchRow => ({
    name: `grid ${N}² ${label} (${m.mode}: heights+normals+stats)`,
    ms: m.ms,
    budgetMs: m.data ? undefined : BUDGET_MS,
    note: `f+∇f alone ${m.evalMs.toFixed(2)} ms, sampler's own ${(m.ms - m.evalMs).toFixed(2)} ms`,
  });
  for (const id of NAMED) rows.push(row(measured.find((m) => m.id === id)!));
  const analytic = measured.filter((m) => !m.data);
  const worst = analytic.reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push(row(worst, `worst of ${analytic.length} analytic: ${worst.id}`));
  for (const m of measured.filter((x) => x.data)) rows.push(row(m, `${m.id} (data; in a worker)`));
  // Every analytic surface, so the whole catalog's standing is in each run (no budget here: the
  // worst-case row above carries it).
  const over = analytic.filter((m) => m.ms > BUDGET_MS).sort((a, b) => b.ms - a.ms);
  const sorted = analytic.map((m) => m.ms).sort((a, b) => a - b);
  rows.push({
    name: `grid ${N}²: ${analytic.length - over.length} of ${analytic.length} analytic surfaces within ${BUDGET_MS} ms (median of all)`,
    ms: sorted[sorted.length >> 1],
    note: `over: ${over.map((m) => `${m.id} ${m.ms.toFixed(2)}`).join(', ') || 'none'}`,
  });
  const own = measured.map((m) => m.ms - m.evalMs).sort((a, b) => a - b);
  rows.push({
    name: `grid ${N}² sampler's own time (median over the catalog)`,
    ms: own[own.length >> 1],
    note: `range ${own[0].toFixed(2)}–${own[own.length - 1].toFixed(2)} ms`,
  });

  // Contours: 20 levels of f, as the map draws them.
  const contourCases = [
    ['rastrigin', 'linear'],
    ['goldstein_price', 'log'],
    ['rosenbrock', 'log'],
  ] as const;
  for (const [id, mode] of contourCases) {
    const g = samples.get(id)!;
    const levels = levelsFor(g.stats, 20, mode);
    let set: ContourSet | undefined;
    const ms = medianMs(() => {
      set = contourLines(g.f, N, g.domain, levels, { mask: g.mask }, set);
    });
    rows.push({
      name: `contours ${N}² ${id} (20 ${mode} levels)`,
      ms,
      budgetMs: 10,
      note: `${set!.segmentCount} segments`,
    });
  }

  // The robust range, against the full sort it replaces.
  const g = samples.get('rastrigin')!;
  const sortMs = medianMs(() => {
    scratch.set(g.f);
    scratch.sort();
  });
  const m = N * N - g.stats.nonFinite;
  const pair = new Float64Array(2);
  const [kLo, kHi] = [percentileRank(0.02, m), percentileRank(0.98, m)];
  const rankMs = medianMs(() => {
    ranksOfValid(g.f, g.mask, N * N, kLo, kHi, g.scratch, pair);
  });
  rows.push({
    name: `2nd/98th percentile of ${N}² values (Floyd–Rivest selection)`,
    ms: rankMs,
    ratio: { value: rankMs / sortMs, max: 0.5, against: `full sort (${sortMs.toFixed(2)} ms)` },
  });

  return rows;
}
