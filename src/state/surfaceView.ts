import { SURFACES } from '../surfaces/catalog/index.ts';
import { sampleGrid, type GridSample, type HeightMode } from '../surfaces/grid/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { sim } from './simulation.ts';

/** The densest grid the scenario's surface is worth sampling at (see SurfaceView.maxResolution). */
export function resolutionCapOf(s: Scenario): number | undefined {
  return 'id' in s.surface ? SURFACES[s.surface.id]?.view.maxResolution : undefined;
}

/** Whether heights are drawn log-scaled: the scenario's choice, else the surface's suggestion. */
export function heightModeOf(s: Scenario): HeightMode {
  if (s.view.logHeight !== null) return s.view.logHeight ? 'log' : 'linear';
  if ('id' in s.surface) return SURFACES[s.surface.id]?.view.logHeight ? 'log' : 'linear';
  return 'linear';
}

/**
 * The sampled surface the views draw, cached on (surface build, resolution, height mode): it is
 * resampled in place only when one of those changes, never per frame.
 */
let cache: { sample: GridSample; key: string; built: unknown; generation: number } | null = null;
let generation = 0;

/** Bumped each time the cached sample is rewritten, so views know to re-upload it. */
export const sampleGeneration = () => cache?.generation ?? 0;

export function surfaceSample(
  requested: number,
  mode: HeightMode,
  cap?: number,
): GridSample | null {
  const built = sim.built;
  if (!built) return null;
  const n = cap ? Math.min(requested, cap) : requested;
  const key = `${n}|${mode}`;
  if (cache && cache.built === built && cache.key === key) return cache.sample;
  const sample = sampleGrid(
    built.objective,
    built.domain,
    n,
    { heightMode: mode, centerX: 0, centerY: 0 },
    cache?.sample,
  );
  cache = { sample, key, built, generation: ++generation };
  return sample;
}
