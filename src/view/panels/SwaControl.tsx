import { useId } from 'react';
import type { NumberParam } from '../../engine/params.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { actions } from '../../state/store.ts';
import { ParamControl } from './ParamControl.tsx';

interface Props {
  index: number;
  run: ScenarioRun;
  steps: number;
}

/** Where SWA starts by default: the last quarter of the run (torch's examples start at 75%). */
const defaultSwaStart = (steps: number) => Math.round(0.75 * steps);

/** Stochastic weight averaging on/off and the step it starts averaging from. */
export function SwaControl({ index, run, steps }: Props) {
  const id = useId();
  const startSpec: NumberParam = {
    kind: 'number',
    name: 'swa_start',
    label: 'average from step',
    help: 'The running average of the iterates x_k for k ≥ this step (torch.optim.swa_utils.AveragedModel), drawn as its own path: on a noisy run it sits in the middle of where the optimizer rattles around.',
    default: defaultSwaStart(steps),
    min: 0,
    max: steps,
    integer: true,
  };
  return (
    <fieldset className="card-section">
      <legend>Weight averaging</legend>
      <div className="param-head">
        <input
          id={id}
          type="checkbox"
          checked={run.swa !== null}
          onChange={(e) =>
            actions.setRunSwa(index, e.target.checked ? { start: defaultSwaStart(steps) } : null)
          }
        />
        <label htmlFor={id}>SWA (stochastic weight averaging)</label>
      </div>
      {run.swa && (
        <ParamControl
          spec={startSpec}
          value={run.swa.start}
          onChange={(v) => actions.setRunSwa(index, { start: v as number })}
        />
      )}
    </fieldset>
  );
}
