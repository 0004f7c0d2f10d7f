import type { Preset } from '../../scenario/presets/index.ts';
import { parseScenario } from '../../scenario/parseScenario.ts';
import { runScenario } from '../../scenario/runScenario.ts';
import { allocGridSample, sampleGrid, type GridSample } from '../../surfaces/grid/index.ts';
import { heightModeOf } from '../../state/surfaceView.ts';
import { fillHeatPixels } from '../map/heatPixels.ts';
import { runColor } from '../palette.ts';

/** Grid vertices per side: a thumbnail is ~100 px, and the image is smoothed when scaled up. */
const GRID = 48;

/**
 * A lesson's picture for the gallery: its surface's heat map (the map's own colouring:
 * sampleGrid + fillHeatPixels over the surface's view) with every run's path in its run colour,
 * computed from the preset itself, so the picture can never drift from the lesson. Rendered the
 * first time the gallery shows it and kept for the session (16 thumbnails, ~10 ms each).
 */
const cache = new Map<string, HTMLCanvasElement>();
// One JavaScript-heap grid for every thumbnail (the WebAssembly kernels would keep a memory each).
let grid: GridSample | null = null;

function render(preset: Preset, size: number): HTMLCanvasElement {
  const scenario = parseScenario(preset.scenario);
  const { built, results } = runScenario(scenario);
  const d = built.domain;
  grid = sampleGrid(
    built.objective,
    d,
    GRID,
    { heightMode: heightModeOf(scenario) },
    grid ?? allocGridSample(GRID),
  );

  const heat = document.createElement('canvas');
  heat.width = heat.height = GRID;
  const hctx = heat.getContext('2d')!;
  const img = hctx.createImageData(GRID, GRID);
  fillHeatPixels(grid.z, grid.mask, GRID, grid.stats.zLo, grid.stats.zHi, img.data);
  hctx.putImageData(img, 0, 0);

  const out = document.createElement('canvas');
  out.width = out.height = size;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, 0, 0, size, size);

  // World → pixels; clamped so a diverging run's huge coordinates stay drawable lines.
  const px = (x: number) =>
    Math.max(-size, Math.min(2 * size, ((x - d.xMin) / (d.xMax - d.xMin)) * size));
  const py = (y: number) =>
    Math.max(-size, Math.min(2 * size, ((d.yMax - y) / (d.yMax - d.yMin)) * size));
  ctx.lineWidth = Math.max(1, size / 80);
  ctx.lineJoin = 'round';
  results.forEach((r, i) => {
    const run = scenario.runs[i];
    if (!run.visible || r.points === 0) return;
    const t = r.trajectory;
    ctx.strokeStyle = runColor(run, i);
    ctx.beginPath();
    ctx.moveTo(px(t[0]), py(t[1]));
    for (let k = 1; k < r.points; k++) ctx.lineTo(px(t[2 * k]), py(t[2 * k + 1]));
    ctx.stroke();
    // The end point, where the lesson's claim is read.
    const k = r.points - 1;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    ctx.arc(px(t[2 * k]), py(t[2 * k + 1]), ctx.lineWidth * 1.6, 0, 2 * Math.PI);
    ctx.fill();
  });
  return out;
}

/** Draw a preset's thumbnail into `canvas` (its pixel size), rendering it on first use. */
export function drawLessonThumbnail(canvas: HTMLCanvasElement, preset: Preset): void {
  const size = canvas.width;
  const key = `${preset.id}|${size}`;
  let pic = cache.get(key);
  if (!pic) {
    pic = render(preset, size);
    cache.set(key, pic);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, size, size);
  ctx.drawImage(pic, 0, 0);
}
