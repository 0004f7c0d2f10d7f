import { useId } from 'react';
import { SCHEDULE_LIST, SCHEDULES } from '../../engine/schedules/index.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { actions } from '../../state/store.ts';
import { ParamControl } from './ParamControl.tsx';

interface Props {
  index: number;
  run: ScenarioRun;
  steps: number;
}

/** The run's learning-rate schedule: a picker and the schedule's own generated parameters. */
export function ScheduleEditor({ index, run, steps }: Props) {
  const id = useId();
  const name = run.schedule?.name ?? 'constant';
  const def = SCHEDULES[name];
  return (
    <fieldset className="card-section">
      <legend>Learning-rate schedule</legend>
      <label htmlFor={id} className="visually-hidden">
        Schedule
      </label>
      <select id={id} value={name} onChange={(e) => actions.setRunSchedule(index, e.target.value)}>
        {SCHEDULE_LIST.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      {def && (
        <>
          <p className="rule">
            <code>{def.rule}</code> <span className="muted">{def.reference}</span>
          </p>
          <p className="summary">{def.summary}</p>
          {run.schedule &&
            def.params.map((spec) => (
              <ParamControl
                key={`${name}.${spec.name}`}
                spec={spec}
                value={run.schedule!.params[spec.name] ?? spec.default}
                steps={steps}
                onChange={(v) => actions.setScheduleParam(index, spec.name, v)}
              />
            ))}
        </>
      )}
    </fieldset>
  );
}
