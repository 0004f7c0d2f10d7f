import { useId } from 'react';
import { OPTIMIZER_LIST, OPTIMIZERS } from '../../engine/optimizers/index.ts';
import { specsOf } from '../../engine/validateParams.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { lrSetBySchedule } from '../../scenario/scheduleSetsLr.ts';
import { suggestRunLr } from '../../scenario/suggestLr.ts';
import { sim } from '../../state/simulation.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { runColor, runLabel } from '../palette.ts';
import { ParamControl } from './ParamControl.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { SwaControl } from './SwaControl.tsx';

interface Props {
  index: number;
  run: ScenarioRun;
}

const optimizerName = (id: string) => OPTIMIZERS[id]?.label ?? id;

/**
 * The selected run's settings, every control generated from the registries' ParamSpecs (SAM's
 * list follows its base optimizer through specsOf). torch's constructor refusals are shown here.
 */
export function RunCard({ index, run }: Props) {
  const id = useId();
  const scenario = useLab((s) => s.scenario);
  const steps = scenario.steps;
  const def = OPTIMIZERS[run.optimizer];
  // Cheap (a Hessian or two): recomputed with the card, not per frame.
  // A network's slice is a picture of its loss, not what its runs train on: no suggestion.
  const inNetwork = useLab((s) => s.network !== null);
  const suggestion = sim.built && !inNetwork ? suggestRunLr(scenario, sim.built, run) : null;
  const lrSetBy = lrSetBySchedule(run, steps);
  const error = sim.runErrors[index] ?? null;
  const stop = sim.results[index]?.stop ?? null;
  const label = runLabel(run);
  return (
    <section className="run-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className="swatch" style={{ background: runColor(run, index) }} aria-hidden="true" />
        {label}
      </h3>
      <div className="param">
        <label htmlFor={`${id}-opt`}>optimizer</label>
        <select
          id={`${id}-opt`}
          value={run.optimizer}
          onChange={(e) => actions.setRunOptimizer(index, e.target.value)}
        >
          {OPTIMIZER_LIST.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {def && (
        <>
          <p className="rule">
            <code>{def.rule}</code> <span className="muted">{def.reference}</span>
          </p>
          <p className="summary">{def.summary}</p>
          {def.package && (
            <p className="muted">
              Not in torch.optim: the lab follows <code>{def.package.className}</code> from{' '}
              <code>pip install {def.package.pip}</code>.
            </p>
          )}
        </>
      )}
      {error && (
        <p className="run-problem" role="alert">
          {error}
        </p>
      )}
      {stop && (
        <p className={stop.reason === 'diverged' ? 'run-problem' : 'run-stopped'}>{stop.message}</p>
      )}
      {def && (
        <fieldset className="card-section">
          <legend>Parameters (PyTorch names and defaults)</legend>
          {specsOf(def, run.params)
            .filter((spec) => inNetwork || !spec.networkOnly)
            .map((spec) => (
              <ParamControl
                key={`${run.optimizer}.${String(run.params.base ?? '')}.${spec.name}`}
                spec={spec}
                value={run.params[spec.name] ?? spec.default}
                choiceLabel={spec.name === 'base' ? optimizerName : undefined}
                suggestion={spec.name === 'lr' ? suggestion : null}
                setBy={spec.name === 'lr' ? lrSetBy : null}
                onChange={(v) => actions.setRunParam(index, spec.name, v)}
              />
            ))}
        </fieldset>
      )}
      <ScheduleEditor index={index} run={run} steps={steps} />
      <SwaControl index={index} run={run} steps={steps} />
    </section>
  );
}
