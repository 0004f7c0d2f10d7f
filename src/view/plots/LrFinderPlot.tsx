import type { PointerEvent } from 'react';
import { seek } from '../../state/playhead.ts';
import {
  drawFinderCursor,
  drawFinderStatic,
  finderLayout,
  PICK_COLOR,
  type FinderLayout,
} from './drawLrFinder.ts';
import { describePicks, type FinderData } from './lrFinderData.ts';
import { useLayeredPlot, type PlotPainter } from './useLayeredPlot.ts';

const PAINTER: PlotPainter<FinderData, FinderLayout> = {
  layout: finderLayout,
  drawStatic(ctx, d, layout, canvas) {
    drawFinderStatic(ctx, d, layout);
    // What was drawn, for tests and tools: the axes' ranges and the picks' lrs.
    const p = d.series[0].picks;
    canvas.dataset.xMin = String(layout.x.d0);
    canvas.dataset.xMax = String(layout.x.d1);
    canvas.dataset.yMin = String(layout.y.d0);
    canvas.dataset.yMax = String(layout.y.d1);
    canvas.dataset.steepest = p.steepest ? String(p.steepest.lr) : '';
    canvas.dataset.minimum = p.minimum ? String(p.minimum.lr) : '';
  },
  drawMoving: (ctx, d, layout, step) => drawFinderCursor(ctx, d, layout, step),
};

/**
 * The LR range test's plot: loss against learning rate (log lr axis) with the steepest-descent
 * lr (the course's pick) and the lowest-loss lr marked. Drawn in two layers like PlotCanvas
 * (useLayeredPlot): the lines once per simulation, the playhead dot per frame; clicking a point
 * seeks to its step.
 */
export function LrFinderPlot({ data }: { data: FinderData }) {
  const { wrapRef, canvasRef, dataRef, st } = useLayeredPlot(data, PAINTER);

  /** Seek to the step whose lr is nearest the pointer (the iterate that step produced). */
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const l = st.current.layout;
    const lrs = dataRef.current.series[0].curve.lrs;
    if (!l || e.button !== 0 || lrs.length === 0) return;
    const lr = l.x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left);
    let best = 0;
    for (let i = 1; i < lrs.length; i++)
      if (Math.abs(Math.log(lrs[i] / lr)) < Math.abs(Math.log(lrs[best] / lr))) best = i;
    seek(best + 1);
  };

  const text = describePicks(data);
  return (
    <figure className="plot plot-finder">
      <figcaption className="plot-head">
        <span className="plot-title">loss vs learning rate (LR range test)</span>
        <span className="plot-key">
          <span style={{ color: PICK_COLOR.steepest }}>┆ steepest descent</span>{' '}
          <span style={{ color: PICK_COLOR.minimum }}>┆ lowest loss</span>
        </span>
      </figcaption>
      <div className="plot-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Loss against learning rate, log lr axis: ${text}`}
          data-testid="plot-lr-finder"
          onPointerDown={onPointerDown}
        />
      </div>
      <p className="plot-caption" title={text}>
        log lr · {text}
      </p>
    </figure>
  );
}
