import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { analyzeCurvature, type Curvature } from '../../engine/curvature.ts';
import type { Objective2D } from '../../engine/objective2d.ts';
import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import { onFrame, shownStep } from '../../state/playhead.ts';
import { sim } from '../../state/simulation.ts';
import { actions } from '../../state/store.ts';
import { useLab, useSimulationVersion } from '../../state/useLab.ts';
import { runLabel } from '../palette.ts';
import { CLASSIFICATION_TEXT, limitCaveat, readHessian } from './curvatureText.ts';
import { dropNoise, fmtNum, fmtPoint } from '../../engine/formatNumber.ts';
import { stabilityVerdict } from './stabilityVerdict.ts';
import { PointFields } from './PointFields.tsx';
import './panels.css';
import './probeCard.css';

function slopeAt(objective: Objective2D, p: readonly [number, number]): number {
  const g = new Float64Array(2);
  objective.grad(p[0], p[1], g);
  return Math.hypot(g[0], g[1]);
}

/** ‖∇f‖ below which the probe counts as sitting on a critical point. */
const STATIONARY_TOL = 1e-6;

/**
 * Where the last shift-click or right-click (the probe gestures, map or 3D view) happened, so the
 * probe's card opens beside the point it describes instead of below the fold in the sidebar.
 * Read once when the probe changes; a probe typed into the fields opens no card.
 */
const lastShiftClick = { x: 0, y: 0, time: -Infinity };
if (typeof window !== 'undefined')
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (e.shiftKey)
        Object.assign(lastShiftClick, { x: e.clientX, y: e.clientY, time: e.timeStamp });
    },
    { capture: true },
  );

/** The card's size budget, to keep it inside the window (it is clamped, never cut). */
const CARD_WIDTH = 250;
const CARD_HEIGHT = 190;

/**
 * The local quadratic picture at the probe point (or the start): Hessian, eigen-directions,
 * condition number, and whether the selected run's current lr is below the stability limit
 * 2/λmax. The lr can change every frame under a schedule, so the verdict is written per frame.
 */
export function CurvaturePanel() {
  const id = useId();
  const probe = useLab((s) => s.probe);
  const start = useLab((s) => s.scenario.start);
  const runs = useLab((s) => s.scenario.runs);
  const selected = useLab((s) => s.selectedRun);
  useSimulationVersion();
  const verdictEl = useRef<HTMLParagraphElement | null>(null);
  const cardVerdictEl = useRef<HTMLParagraphElement | null>(null);
  const sectionEl = useRef<HTMLElement | null>(null);
  // The probe card: open at a screen position after a shift-click placed the probe.
  const [card, setCard] = useState<{ left: number; top: number } | null>(null);
  useEffect(() => {
    if (probe === null) return setCard(null);
    if (performance.now() - lastShiftClick.time > 1000) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const w = Math.min(CARD_WIDTH, vw - 16);
    // Right of the click and below it, flipped to the other side where it would not fit.
    let left = lastShiftClick.x + 14;
    if (left + w > vw - 8) left = lastShiftClick.x - 14 - w;
    let top = lastShiftClick.y + 14;
    if (top + CARD_HEIGHT > vh - 8) top = lastShiftClick.y - 14 - CARD_HEIGHT;
    setCard({ left: Math.max(8, left), top: Math.max(8, top) });
  }, [probe]);
  useEffect(() => {
    if (!card) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setCard(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card]);

  const built = sim.built;
  const point = probe ?? start ?? built?.start ?? null;
  const curv: Curvature | null =
    built && point ? analyzeCurvature(built.objective, point[0], point[1]) : null;
  const sel = Math.min(selected, runs.length - 1);
  const run = runs[sel];
  const def = run ? OPTIMIZERS[run.optimizer] : undefined;

  useEffect(() => {
    if (!curv || !run) return;
    let lastKey = '';
    const momentum = run.optimizer === 'sgd' ? (run.params.momentum as number) : 0;
    const nesterov = run.optimizer === 'sgd' && run.params.nesterov === true;
    const draw = () => {
      const els = [verdictEl.current, cardVerdictEl.current].filter((e) => e !== null);
      if (els.length === 0) return;
      const lrs = sim.results[sel]?.lrs;
      const lr =
        lrs && lrs.length > 0
          ? lrs[Math.min(shownStep(), lrs.length - 1)]
          : (run.params.lr as number);
      // Redrawn when the lr changes or the card opened (a new element to fill).
      const key = `${lr}|${els.length}`;
      if (key === lastKey) return;
      lastKey = key;
      const v = stabilityVerdict({ lr, lambdaMax: curv.sharpness, momentum, nesterov });
      for (const el of els) {
        el.textContent = v.text;
        el.className = `verdict verdict-${v.kind}`;
      }
    };
    draw();
    return onFrame(draw);
  });

  if (!built || !curv || !point)
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Curvature</h2>
        <p className="muted">No surface to analyse.</p>
      </section>
    );

  const [hxx, hxy, hyy] = dropNoise(curv.hessian);
  const reading = readHessian(curv.eigenvalues, curv.eigenvectors);
  const [l1, l2] = reading.eigen.map((e) => e.value);
  const e1 = dropNoise(reading.eigen[0].vector as [number, number]);
  const e2 = dropNoise(reading.eigen[1].vector as [number, number]);
  const caveat = run && def ? limitCaveat(run.optimizer, def.label) : null;
  // The Hessian's signs say "minimum" anywhere the surface is bowl-shaped; only where the slope
  // vanishes is the point itself one.
  const slope = slopeAt(built.objective, point);
  const stationary = slope < STATIONARY_TOL;
  const shape = stationary ? curv.classification : `${curv.classification}-like curvature`;

  return (
    <section className="panel curvature" aria-labelledby={`${id}-title`} ref={sectionEl}>
      <h2 id={`${id}-title`}>Curvature</h2>
      <p className="muted small">
        The Hessian H holds the second derivatives at this point: its eigenvectors e1, e2 are the
        directions of strongest and weakest curvature and its eigenvalues λ1 ≥ λ2 the curvatures
        along them. Gradient descent is stable along e1 only if lr &lt; 2/λmax.
      </p>
      <fieldset className="probe-fields">
        <legend>
          At {probe ? 'the probe' : 'the start point'} {fmtPoint(point[0], point[1])}
        </legend>
        <PointFields id={id} name="probe" point={point} onCommit={actions.setProbe} />
        <button type="button" disabled={probe === null} onClick={() => actions.setProbe(null)}>
          Back to the start point
        </button>
      </fieldset>

      <div className="hessian">
        <table aria-label="Hessian matrix">
          <tbody>
            <tr>
              <th scope="row" rowSpan={2} className="hessian-name">
                H =
              </th>
              <td title="∂²f/∂x²">{fmtNum(hxx)}</td>
              <td title="∂²f/∂x∂y">{fmtNum(hxy)}</td>
            </tr>
            <tr>
              <td title="∂²f/∂y∂x">{fmtNum(hxy)}</td>
              <td title="∂²f/∂y²">{fmtNum(hyy)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <dl className="readouts">
        <dt>λ1</dt>
        <dd>
          {fmtNum(l1)} <span className="muted">along e1 = {fmtPoint(e1[0], e1[1])}</span>
        </dd>
        <dt>λ2</dt>
        <dd>
          {fmtNum(l2)} <span className="muted">along e2 = {fmtPoint(e2[0], e2[1])}</span>
        </dd>
        <dt>slope</dt>
        <dd>‖∇f‖ = {fmtNum(slope)}</dd>
        <dt title="The signs of the eigenvalues">Hessian</dt>
        <dd>{reading.definiteness}</dd>
        <dt title="max|λ| / min|λ|: how stretched the bowl is (a saddle has no bowl)">
          condition κ
        </dt>
        <dd>
          {reading.condition === null
            ? `none (${reading.definiteness})`
            : fmtNum(reading.condition)}
        </dd>
        <dt title="The largest eigenvalue: the curvature of the sharpest direction">sharpness</dt>
        <dd>λmax = {fmtNum(curv.sharpness)}</dd>
        <dt title="Gradient descent with a larger lr diverges along e1">limit</dt>
        <dd>
          2/λmax = {curv.stabilityLimit === null ? 'none (λmax ≤ 0)' : fmtNum(curv.stabilityLimit)}
        </dd>
      </dl>
      <p className="small">
        <strong>{shape}</strong>: {CLASSIFICATION_TEXT[curv.classification]}
        {stationary ? ', and the slope is zero here.' : '.'}
      </p>
      {run && (
        <div className="verdict-box">
          <p className="muted small">{runLabel(run)}’s learning rate at the playhead:</p>
          <p ref={verdictEl} className="verdict" />
          {caveat && <p className="muted small">{caveat}</p>}
        </div>
      )}
      {card &&
        probe &&
        createPortal(
          <div
            className="probe-card"
            role="dialog"
            aria-label="Curvature at the probe"
            style={{
              left: card.left,
              top: card.top,
              width: Math.min(CARD_WIDTH, window.innerWidth - 16),
            }}
          >
            <div className="probe-card-head">
              <strong>
                {shape} at {fmtPoint(point[0], point[1])}
              </strong>
              <button type="button" aria-label="Close" onClick={() => setCard(null)}>
                ×
              </button>
            </div>
            <p className="small">
              λ1 = {fmtNum(l1)}, λ2 = {fmtNum(l2)}: Hessian {reading.definiteness}
              {reading.condition !== null && `, κ = ${fmtNum(reading.condition)}`}
            </p>
            {run && <p ref={cardVerdictEl} className="verdict small" />}
            <button
              type="button"
              className="probe-card-more"
              onClick={() => {
                sectionEl.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                setCard(null);
              }}
            >
              Hessian and eigenvectors…
            </button>
          </div>,
          document.body,
        )}
    </section>
  );
}
