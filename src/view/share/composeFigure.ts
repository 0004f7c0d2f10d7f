/**
 * The exported PNG as one figure a teacher can paste into slides: a title, the view (the 3D
 * canvas or the 2D map, as drawn), a legend with every shown run's exact settings, and the
 * plots, drawn onto one canvas. The pieces are the page's own canvases copied with drawImage,
 * so the figure is what the page shows, not a second rendering of it.
 */
export interface FigureRun {
  color: string;
  label: string;
  /** The settings line, e.g. "Adam(lr=0.05) · CosineAnnealingLR(T_max=None)". */
  settings: string;
  /** Where it ended / what became of it, e.g. "diverged at step 12" (optional). */
  status?: string;
}

export interface FigureParts {
  title: string;
  subtitle: string;
  view: HTMLCanvasElement | null;
  runs: readonly FigureRun[];
  plots: readonly { title: string; canvas: HTMLCanvasElement }[];
}

const W = 1600;
const PAD = 24;
const GAP = 20;
const VIEW_W = 1000;
const LEGEND_X = PAD + VIEW_W + GAP;
const LEGEND_W = W - LEGEND_X - PAD;
const COLORS = { bg: '#0f1115', panel: '#171a21', text: '#e6e8ee', muted: '#9aa3b2' };
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, monospace';

/** Greedy word wrap to `width` px in the context's current font (long words break anywhere). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=[\s,·])/)) {
    const next = line + word;
    if (ctx.measureText(next).width <= width || line === '') line = next;
    else {
      lines.push(line.trimEnd());
      line = word.trimStart();
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** The legend's lines per run, laid out to know its height before drawing. */
function legendLayout(ctx: CanvasRenderingContext2D, runs: readonly FigureRun[]) {
  const textW = LEGEND_W - 28;
  return runs.map((r) => {
    ctx.font = `600 17px ${FONT}`;
    const label = wrap(ctx, r.label, textW);
    ctx.font = `14px ${MONO}`;
    const settings = wrap(ctx, r.settings, textW);
    ctx.font = `14px ${FONT}`;
    const status = r.status ? wrap(ctx, r.status, textW) : [];
    const height = label.length * 22 + settings.length * 19 + status.length * 19 + 14;
    return { run: r, label, settings, status, height };
  });
}

export function composeFigure(parts: FigureParts): HTMLCanvasElement {
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const viewH = parts.view
    ? Math.round((VIEW_W * parts.view.height) / Math.max(1, parts.view.width))
    : 0;
  const legend = legendLayout(ctx, parts.runs);
  const legendH = 34 + legend.reduce((h, l) => h + l.height, 0);
  const headH = 74;
  const n = parts.plots.length;
  const plotW = n ? (W - 2 * PAD - (n - 1) * GAP) / n : 0;
  const plotH = parts.plots.reduce(
    (h, p) => Math.max(h, (plotW * p.canvas.height) / Math.max(1, p.canvas.width)),
    0,
  );
  const bodyH = Math.max(viewH, legendH);
  const plotsTop = headH + bodyH + (n ? GAP : 0);
  out.width = W;
  out.height = Math.ceil(plotsTop + (n ? 28 + plotH : 0) + PAD);

  ctx.fillStyle = COLORS.bg;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = COLORS.text;
  ctx.font = `600 24px ${FONT}`;
  ctx.fillText(parts.title, PAD, PAD - 4);
  ctx.fillStyle = COLORS.muted;
  ctx.font = `15px ${FONT}`;
  ctx.fillText(parts.subtitle, PAD, PAD + 28);

  if (parts.view) ctx.drawImage(parts.view, PAD, headH, VIEW_W, viewH);

  // Legend: a panel beside the view.
  ctx.fillStyle = COLORS.panel;
  ctx.fillRect(LEGEND_X, headH, LEGEND_W, bodyH);
  ctx.fillStyle = COLORS.muted;
  ctx.font = `600 13px ${FONT}`;
  ctx.fillText('RUNS (PyTorch settings)', LEGEND_X + 12, headH + 10);
  let y = headH + 34;
  for (const l of legend) {
    ctx.fillStyle = l.run.color;
    ctx.fillRect(LEGEND_X + 12, y + 3, 12, 12);
    let ty = y;
    ctx.fillStyle = COLORS.text;
    ctx.font = `600 17px ${FONT}`;
    for (const line of l.label) {
      ctx.fillText(line, LEGEND_X + 32, ty);
      ty += 22;
    }
    ctx.font = `14px ${MONO}`;
    ctx.fillStyle = COLORS.text;
    for (const line of l.settings) {
      ctx.fillText(line, LEGEND_X + 32, ty);
      ty += 19;
    }
    ctx.font = `14px ${FONT}`;
    ctx.fillStyle = COLORS.muted;
    for (const line of l.status) {
      ctx.fillText(line, LEGEND_X + 32, ty);
      ty += 19;
    }
    y += l.height;
  }

  parts.plots.forEach((p, i) => {
    const x = PAD + i * (plotW + GAP);
    ctx.fillStyle = COLORS.text;
    ctx.font = `600 15px ${FONT}`;
    ctx.fillText(p.title, x, plotsTop);
    const h = (plotW * p.canvas.height) / Math.max(1, p.canvas.width);
    ctx.drawImage(p.canvas, x, plotsTop + 28, plotW, h);
  });
  return out;
}
