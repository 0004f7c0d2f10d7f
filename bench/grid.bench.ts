import type { Objective } from '../src/engine/objective.ts';
import { defaultParams } from '../src/engine/validateParams.ts';
import { SURFACE_LIST } from '../src/surfaces/catalog/index.ts';
import { contourLines } from '../src/surfaces/grid/contours.ts';
import type { ContourSet } from '../src/surfaces/grid/contours.ts';
import {
  allocGridSample,
  fillGridCoords,
  type GridSample,
} from '../src/surfaces/grid/gridSample.ts';
import { evaluatePoints } from '../src/surfaces/grid/evaluatePoints.ts';
import { expBatch } from '../src/surfaces/grid/gridKernels.ts';
import { levelsFor } from '../src/surfaces/grid/levels.ts';
import { sampleGrid } from '../src/surfaces/grid/sampleGrid.ts';
import { percentileRank, ranksOfValid } from '../src/surfaces/grid/select.ts';
import type { Domain } from '../src/surfaces/surface.ts';
import type { BenchRow } from './harness.ts';
import { medianMs, paired } from './harness.ts';

/**
 * The grid sampler at the renderer's resolution: heights + normals + stats of every catalog
 * surface (default parameters, its own display transform), contours, and the percentile
 * selection against the sort it replaces. Every surface goes through the same sampleGrid, so
 * its calls into the objective are as polymorphic as in the app after a few surface switches.
 */
const N = 256;
const xsScratch = new Float64Array(N);
const ysScratch = new Float64Array(N);
const gxScratch = new Float64Array(N * N);
const gyScratch = new Float64Array(N * N);
const NAMED = ['rastrigin', 'rosenbrock', 'goldstein_price', 'ackley'];

/**
 * The irreducible part: f and ∇f at every vertex, with no sampler around them — the same path
 * the sampler takes (the surface's own grid loop, or the point functions).
 */
function evaluateOnly(o: Objective, d: Domain, out: Float64Array): void {
  fillGridCoords(d.xMin, d.xMax, N, xsScratch);
  fillGridCoords(d.yMin, d.yMax, N, ysScratch);
  if (o.fgGrid) o.fgGrid(xsScratch, ysScratch, out, gxScratch, gyScratch);
  else evaluatePoints(o, xsScratch, ysScratch, out, gxScratch, gyScratch);
}

export function benchGrid(): BenchRow[] {
  const rows: BenchRow[] = [];
  const samples = new Map<string, GridSample>();
  const scratch = new Float64Array(N * N);
  const measured: { id: string; ms: number; evalMs: number; mode: string }[] = [];
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
    measured.push({ id: s.id, ms, evalMs, mode: heightMode });
  }
  const row = (m: (typeof measured)[number], label = m.id): BenchRow => ({
    name: `grid ${N}² ${label} (${m.mode}: heights+normals+stats)`,
    ms: m.ms,
    budgetMs: 3,
    note: `f+∇f alone ${m.evalMs.toFixed(2)} ms, sampler's own ${(m.ms - m.evalMs).toFixed(2)} ms`,
  });
  for (const id of NAMED) rows.push(row(measured.find((m) => m.id === id)!));
  const worst = measured.reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push(row(worst, `worst of ${measured.length}: ${worst.id}`));
  // Every surface, so the whole catalog's standing is in each run (no budget here: the rows
  // above carry it).
  const over = measured.filter((m) => m.ms > 3).sort((a, b) => b.ms - a.ms);
  const sorted = measured.map((m) => m.ms).sort((a, b) => a - b);
  rows.push({
    name: `grid ${N}²: ${measured.length - over.length} of ${measured.length} surfaces within 3 ms (median of all)`,
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
  // In the grid's own arrays, with its own passes (the WebAssembly kernels), as the sampler runs.
  const rankMs = medianMs(() => {
    ranksOfValid(
      g.f,
      g.mask,
      N * N,
      kLo,
      kHi,
      g.stats.fMin,
      g.stats.fMax,
      g.scratch,
      pair,
      g.passes,
    );
  });
  rows.push({
    name: `2nd/98th percentile of ${N}² values (histogram select)`,
    ms: rankMs,
    ratio: { value: rankMs / sortMs, max: 0.5, against: `full sort (${sortMs.toFixed(2)} ms)` },
  });

  // The sampler with its WebAssembly passes against the same sampler with their JavaScript twins
  // (bit-identical output), in alternating rounds.
  for (const id of ['rastrigin', 'rosenbrock']) {
    const s = SURFACE_LIST.find((x) => x.id === id)!;
    const params = defaultParams(s.params);
    const o = s.create(params, { seed: 1 });
    const d = s.domain(params);
    const opts = { heightMode: s.view.logHeight ? ('log' as const) : ('linear' as const) };
    const wasm = allocGridSample(N);
    const js = allocGridSample(N, 'js');
    const [wasmMs, jsMs] = paired(
      () => sampleGrid(o, d, N, opts, wasm),
      () => sampleGrid(o, d, N, opts, js),
    );
    rows.push({
      name: `grid ${N}² ${id} (${opts.heightMode}), WebAssembly passes`,
      ms: wasmMs,
      note: `${(jsMs / wasmMs).toFixed(2)}× faster than the JavaScript passes (${jsMs.toFixed(2)} ms)`,
    });
  }

  // The grid loops' batched exp against Math.exp per value, on one grid's worth of Ackley's
  // funnel arguments (−β·ρ over its domain).
  const count = N * N;
  fillGridCoords(-5, 5, N, xsScratch);
  fillGridCoords(-5, 5, N, ysScratch);
  const args = new Float64Array(count);
  for (let k = 0; k < count; k++)
    args[k] = -0.1414 * Math.hypot(xsScratch[k % N], ysScratch[(k / N) | 0]);
  const batch = expBatch(count);
  const plain = new Float64Array(count);
  const [batchMs, mathMs] = paired(
    () => {
      batch.values.set(args);
      batch.run(count);
    },
    () => {
      for (let k = 0; k < count; k++) plain[k] = Math.exp(args[k]);
    },
  );
  rows.push({
    name: `exp of ${N}² values, batched (WebAssembly, two lanes)`,
    ms: batchMs,
    note: `${(mathMs / batchMs).toFixed(2)}× faster than Math.exp per value (${mathMs.toFixed(2)} ms)`,
  });
  return rows;
}
