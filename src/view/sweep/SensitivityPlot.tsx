import { useRef, type PointerEvent } from 'react';
import { fmtNum } from '../../engine/formatNumber.ts';
import { requestDraw } from '../../state/playhead.ts';
import type { XYLayout } from '../plots/drawXYFrame.ts';
import { useLayeredPlot, type PlotPainter } from '../plots/useLayeredPlot.ts';
import { drawSensitivity, pointNear, pointPx, sensitivityLayout } from './drawSensitivity.ts';
import type { SensitivityData } from './sensitivityData.ts';

const PAINTER: PlotPainter<SensitivityData, XYLayout> = {
  layout: sensitivityLayout,
  drawStatic(ctx, d, layout, canvas) {
    drawSensitivity(ctx, d, layout);
    // What was drawn, for tests and tools: the axes and each run's best lr.
    canvas.dataset.xMin = String(layout.x.d0);
    canvas.dataset.xMax = String(layout.x.d1);
    canvas.dataset.yLog = String(d.log);
    canvas.dataset.best = d.curves
      .map((c) => `${c.run}:${c.best >= 0 ? c.lrs[c.best] : ''}`)
      .join(' ');
  },
  // The hovered point (hover = curve index × 4096 + lr index): a ring in the run's colour.
  drawMoving(ctx, d, l, _step, hover) {
    if (hover === null) return;
    const c = d.curves[Math.floor(hover / 4096)];
    const i = hover % 4096;
    const p = c && pointPx(l, c.lrs[i], c.mid[i]);
    if (!p) return;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = c.color;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  },
};

interface Props {
  data: SensitivityData;
  metric: string;
  /** A click on a point: set that run's lr. */
  onPick(run: number, lr: number): void;
}

/**
 * Metric against learning rate, one curve per swept run (its colour), log lr axis; the median
 * over seeds with a band from the least to the greatest when there are several; the dashed line
 * is the run's lr now and the ring its best. Hover reads a point; a click sets that run's lr.
 */
export function SensitivityPlot({ data, metric, onPick }: Props) {
  const { wrapRef, canvasRef, dataRef, st } = useLayeredPlot(data, PAINTER);
  const tipRef = useRef<HTMLDivElement>(null);

  const near = (e: PointerEvent<HTMLCanvasElement>) => {
    const l = st.current.layout;
    if (!l) return null;
    const b = e.currentTarget.getBoundingClientRect();
    return pointNear(dataRef.current, l, e.clientX - b.left, e.clientY - b.top);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const p = near(e);
    const tip = tipRef.current;
    const d = dataRef.current;
    const ci = p ? d.curves.findIndex((c) => c.run === p.run) : -1;
    st.current.hover = p && ci >= 0 ? ci * 4096 + d.curves[ci].lrs.indexOf(p.lr) : null;
    requestDraw();
    if (!tip) return;
    tip.hidden = !p;
    if (p)
      tip.textContent = `${d.curves[ci].label}: lr ${fmtNum(p.lr, 3)} → ${metric} ${
        Number.isFinite(p.value) ? fmtNum(p.value) : 'diverged'
      } (click to use)`;
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const p = near(e);
    if (p) onPick(p.run, p.lr);
  };

  return (
    <div className="sweep-canvas" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`${metric} against learning rate (log lr axis), one curve per run; click a point to use its lr`}
        data-testid="sweep-lr-plot"
        onPointerMove={onPointerMove}
        onPointerDown={onPointerDown}
        onPointerLeave={() => {
          st.current.hover = null;
          if (tipRef.current) tipRef.current.hidden = true;
          requestDraw();
        }}
      />
      <div className="plot-tip" ref={tipRef} hidden />
    </div>
  );
}
