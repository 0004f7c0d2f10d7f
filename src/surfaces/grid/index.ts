/**
 * The grid sampler: what the surface mesh, its colouring and its contour lines are built from.
 *
 * For the three.js side (per resolution n, once): a BufferGeometry with
 *   index    = gridIndices(n)                         (CCW from +Z: front faces up)
 *   position = BufferAttribute(sample.positions, 3)   (Z up; see GridSample)
 *   normal   = BufferAttribute(sample.normals, 3)
 * then per resample: sampleGrid(objective, domain, n, opts, sample) rewrites the same arrays in
 * place; set needsUpdate on both attributes. Colour by z over [stats.zLo, stats.zHi].
 * Contours: contourLines(sample.f, n, sample.domain, levelsFor(sample.stats, 20, mode),
 * { mask: sample.mask }, previous); a line of level L sits at height heightOf(L, mode, fMin).
 */
export { sampleGrid } from './sampleGrid.ts';
export { allocGridSample, fillGridCoords } from './gridSample.ts';
export type { GridOptions, GridSample, GridStats } from './gridSample.ts';
export { heightOf, lossAtHeight } from './heightTransform.ts';
export type { HeightMode } from './heightTransform.ts';
export { contourLines, levelSegments } from './contours.ts';
export type { ContourOptions, ContourSet } from './contours.ts';
export { levelsFor, linearLevels, logLevels } from './levels.ts';
export { gridIndices } from './gridIndices.ts';
