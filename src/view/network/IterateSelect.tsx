import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import type { IterateRef } from '../../scenario/modelScenario.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { runLabel } from '../../scenario/runLabel.ts';

/**
 * A choice of one iterate of the network's runs: the initial weights (every run starts there)
 * or a run's last iterate. For the line's ends, the slice's centre and the three points.
 */
const valueOf = (p: IterateRef) => (p.step === 0 ? 'init' : `${p.run}`);
const refOf = (v: string): IterateRef =>
  v === 'init' ? { run: 0, step: 0 } : { run: Number(v), step: -1 };

interface Props {
  runs: readonly ScenarioRun[];
  value: IterateRef;
  onChange: (p: IterateRef) => void;
  /** The accessible name (and tooltip) of the select. */
  label: string;
  id?: string;
}

export function IterateSelect({ runs, value, onChange, label, id }: Props) {
  // A run that no longer exists reads as the first's end, as the page trains it.
  const v = value.step !== 0 && value.run >= runs.length ? '0' : valueOf(value);
  return (
    <select
      id={id}
      aria-label={label}
      title={label}
      value={v}
      onChange={(e) => onChange(refOf(e.target.value))}
    >
      <option value="init">initial weights</option>
      {runs.map((r, i) => (
        // Short enough for a plot's head: the run's number and optimizer (its full label a tip).
        <option key={i} value={String(i)} title={`${runLabel(r)}, last step`}>
          {`${i + 1} ${OPTIMIZERS[r.optimizer].label} end`}
        </option>
      ))}
    </select>
  );
}

/** An iterate in words, for captions: "initial weights", "SGD (lr 0.1) end". */
export const iterateName = (runs: readonly ScenarioRun[], p: IterateRef): string =>
  p.step === 0
    ? 'initial weights'
    : `${runs[p.run] ? runLabel(runs[p.run]) : `run ${p.run + 1}`} end`;
