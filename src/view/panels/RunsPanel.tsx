import { useEffect, useId, useRef, useState } from 'react';
import { OPTIMIZER_LIST } from '../../engine/optimizers/index.ts';
import { LIMITS } from '../../scenario/scenario.ts';
import { onFrame, shownStep } from '../../state/playhead.ts';
import { sim } from '../../state/simulation.ts';
import { actions } from '../../state/store.ts';
import { useLab, useSimulationVersion } from '../../state/useLab.ts';
import { fmtNum, fmtPoint } from '../../engine/formatNumber.ts';
import { lossReadout } from './lossReadout.ts';
import { RunCard } from './RunCard.tsx';
import { describeEnding } from './runOutcome.ts';
import { RunRow } from './RunRow.tsx';
import { criticalPointsOf } from '../map/criticalPointsOf.ts';
import './panels.css';

/** How close to a known critical point counts as "ended in it": 2% of the domain's larger side. */
const REACH_FRACTION = 0.02;

/**
 * The right panel: the legend of runs (up to eight) with their live status, and the selected
 * run's settings. React renders on scenario and simulation changes only; the loss at the
 * playhead is written into the legend by a frame callback.
 */
export function RunsPanel() {
  const runs = useLab((s) => s.scenario.runs);
  const surface = useLab((s) => s.scenario.surface);
  // A network's runs end somewhere in weight space, not at a surface's known minimum.
  const inNetwork = useLab((s) => s.network !== null);
  const selected = useLab((s) => s.selectedRun);
  useSimulationVersion();
  const addId = useId();
  const [newOptimizer, setNewOptimizer] = useState('adam');
  const lossEls = useRef<(HTMLElement | null)[]>([]);
  const stepEl = useRef<HTMLSpanElement | null>(null);

  // Per frame: the step and each run's loss there, straight into the DOM.
  useEffect(() => {
    const draw = () => {
      const k = shownStep();
      if (stepEl.current) stepEl.current.textContent = `step ${k}`;
      lossEls.current.forEach((el, i) => {
        if (el) el.textContent = lossReadout(sim.results[i] ?? null, k);
      });
    };
    draw();
    return onFrame(draw);
  });

  const criticalPoints = criticalPointsOf(surface);
  const domain = sim.built?.domain;
  const reach = domain
    ? REACH_FRACTION * Math.max(domain.xMax - domain.xMin, domain.yMax - domain.yMin)
    : 0;
  const full = runs.length >= LIMITS.maxRuns;
  const sel = Math.min(selected, runs.length - 1);

  return (
    <section className="panel" aria-labelledby="runs-panel-title">
      <h2 id="runs-panel-title">
        Runs{' '}
        <span className="muted">
          {runs.length}/{LIMITS.maxRuns} · <span ref={stepEl} />
        </span>
      </h2>
      <ul className="run-list" aria-label="Runs legend">
        {runs.map((run, i) => {
          const result = sim.results[i] ?? null;
          return (
            <RunRow
              key={i}
              run={run}
              index={i}
              selected={i === sel}
              canRemove={runs.length > 1}
              canDuplicate={!full}
              result={result}
              error={sim.runErrors[i] ?? null}
              ending={
                result && !inNetwork
                  ? describeEnding(result, criticalPoints, reach, fmtPoint, (d) => fmtNum(d, 2))
                  : null
              }
              lossRef={(el) => {
                lossEls.current[i] = el;
              }}
            />
          );
        })}
      </ul>
      <div className="add-run">
        <label htmlFor={addId} className="visually-hidden">
          Optimizer for the new run
        </label>
        <select
          id={addId}
          value={newOptimizer}
          disabled={full}
          onChange={(e) => setNewOptimizer(e.target.value)}
        >
          {OPTIMIZER_LIST.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" disabled={full} onClick={() => actions.addRun(newOptimizer)}>
          Add run
        </button>
        {full && <span className="muted">at most {LIMITS.maxRuns} runs</span>}
      </div>
      {runs[sel] && <RunCard key={sel} index={sel} run={runs[sel]} />}
    </section>
  );
}
