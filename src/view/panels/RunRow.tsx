import { useState } from 'react';
import type { RunResult } from '../../engine/run.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { actions } from '../../state/store.ts';
import { runColor, runLabel } from '../palette.ts';
import { CrossIcon, DuplicateIcon, EyeIcon, PencilIcon } from './icons.tsx';
import { sim } from '../../state/simulation.ts';
import { blowUp, convergedAt, leftDomainAt } from './runOutcome.ts';
import { fmtNum, fmtPoint } from '../../engine/formatNumber.ts';

interface Props {
  run: ScenarioRun;
  index: number;
  selected: boolean;
  canRemove: boolean;
  canDuplicate: boolean;
  result: RunResult | null;
  error: string | null;
  /** Where the run ended relative to the surface's known minima, or null. */
  ending: string | null;
  /** Receives the element the per-frame loss readout writes into. */
  lossRef(el: HTMLElement | null): void;
}

/** One legend entry: colour, name, show/hide, duplicate, remove, and the run's status. */
export function RunRow({
  run,
  index,
  selected,
  canRemove,
  canDuplicate,
  result,
  error,
  ending,
  lossRef,
}: Props) {
  const [renaming, setRenaming] = useState(false);
  const label = runLabel(run);
  const color = runColor(run, index);
  const converged = result ? convergedAt(result) : null;
  const stop = result?.stop ?? null;
  const growth = result ? blowUp(result) : null;
  const domain = sim.built?.domain;
  const left = result && domain ? leftDomainAt(result, domain) : null;
  const diverged = result?.divergedAt ?? null;

  return (
    <li className={`run-row${selected ? ' is-selected' : ''}${run.visible ? '' : ' is-hidden'}`}>
      <div className="run-row-main">
        <input
          type="color"
          className="run-swatch"
          value={color}
          aria-label={`Colour of ${label}`}
          title="Change colour"
          onChange={(e) => actions.setRunColor(index, e.target.value)}
        />
        {renaming ? (
          <input
            type="text"
            className="run-rename"
            defaultValue={run.label ?? ''}
            placeholder={label}
            maxLength={40}
            aria-label={`New name for ${label} (empty = automatic: the optimizer and its settings)`}
            title="Empty: an automatic name that follows the settings. {lr}, {rho}, … show a parameter's current value."
            autoFocus
            onFocus={(e) => e.target.select()}
            onBlur={(e) => {
              actions.renameRun(index, e.target.value.trim());
              setRenaming(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setRenaming(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="run-name"
            aria-pressed={selected}
            title={`Edit ${label}'s settings (double-click to rename)`}
            onClick={() => actions.selectRun(index)}
            onDoubleClick={() => setRenaming(true)}
          >
            {label}
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={`Rename ${label}`}
          title="Rename"
          onClick={() => setRenaming(true)}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon"
          aria-pressed={run.visible}
          aria-label={`Show ${label}`}
          title={run.visible ? 'Hide this run' : 'Show this run'}
          onClick={() => actions.toggleRun(index)}
        >
          <EyeIcon open={run.visible} />
        </button>
        <button
          type="button"
          className="icon"
          disabled={!canDuplicate}
          aria-label={`Duplicate ${label}`}
          title="Duplicate"
          onClick={() => actions.duplicateRun(index)}
        >
          <DuplicateIcon />
        </button>
        <button
          type="button"
          className="icon"
          disabled={!canRemove}
          aria-label={`Remove ${label}`}
          title={canRemove ? 'Remove' : 'The last run cannot be removed'}
          onClick={() => actions.removeRun(index)}
        >
          <CrossIcon />
        </button>
      </div>
      <div className="run-status">
        <span className="run-loss" ref={lossRef} />
        {error && (
          <span className="badge badge-error" title={error}>
            torch refuses these settings
          </span>
        )}
        {left && (diverged === null || left.step < diverged) && (
          <span
            className="badge badge-warn"
            title="The run goes on out there, off the view: lower the lr, or widen the domain."
          >
            left the domain at step {left.step} at {fmtPoint(left.x, left.y, 2)}
          </span>
        )}
        {diverged !== null && (
          <span className="badge badge-error" title={stop?.message}>
            diverged at step {diverged}
          </span>
        )}
        {stop && stop.reason !== 'diverged' && (
          <span className="badge badge-warn" title={stop.message}>
            stopped at step {stop.step}
          </span>
        )}
        {growth !== null && (
          <span
            className="badge badge-error"
            title="Not overflowed yet, but the loss grows without bound: the lr is above the stability limit somewhere on the way."
          >
            diverging: loss ×{fmtNum(growth, 2)}
          </span>
        )}
        {converged !== null && (
          <span className="badge badge-ok">converged at step {converged}</span>
        )}
        {ending && result?.divergedAt == null && growth === null && (
          <span className="run-ending">{ending}</span>
        )}
      </div>
    </li>
  );
}
