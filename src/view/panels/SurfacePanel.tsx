import { defaultParams } from '../../engine/validateParams.ts';
import { DEFAULT_DOMAIN } from '../../scenario/scenario.ts';
import { actions, labStore } from '../../state/store.ts';
import { useSimulation } from '../../state/useSimulation.ts';
import { useLab } from '../../state/useLab.ts';
import { SURFACES } from '../../surfaces/catalog/index.ts';
import { DomainFields } from './DomainFields.tsx';
import { ExpressionInput } from './ExpressionInput.tsx';
import { Formula } from './Formula.tsx';
import { ParamControl } from './ParamControl.tsx';
import { SimulationSettings } from './SimulationSettings.tsx';
import { SurfacePicker } from './SurfacePicker.tsx';
import { CUSTOM_ID, STARTER_EXPRESSION } from './surfaceEntries.ts';
import './panels.css';

// The last typed surface, so switching to a catalog surface and back does not lose it.
let lastCustom: { expression: string; domain: [number, number, number, number] } = {
  expression: STARTER_EXPRESSION,
  domain: [...DEFAULT_DOMAIN],
};

function selectSurface(id: string) {
  const current = labStore.getState().scenario.surface;
  if ('expression' in current) lastCustom = current;
  if (id === CUSTOM_ID) actions.setSurface({ ...lastCustom, domain: [...lastCustom.domain] });
  else actions.setSurface({ id, params: defaultParams(SURFACES[id].params) });
}

/** The left panel's top: which landscape, its knobs, and where and how long the runs go. */
export function SurfacePanel() {
  const surface = useLab((s) => s.scenario.surface);
  const error = useSimulation((s) => s.error);
  const isCustom = 'expression' in surface;
  const def = isCustom ? null : SURFACES[surface.id];
  const params = isCustom ? {} : surface.params;
  const selected = isCustom ? CUSTOM_ID : surface.id;

  return (
    <section className="panel" aria-labelledby="surface-panel-title">
      <h2 id="surface-panel-title">Surface</h2>
      <SurfacePicker selected={selected} onSelect={selectSurface} />
      {def && (
        <p className="formula">
          <Formula latex={def.formula} />
        </p>
      )}
      {def &&
        def.params.map((spec) => (
          <ParamControl
            key={`${def.id}.${spec.name}`}
            spec={spec}
            value={params[spec.name] ?? spec.default}
            onChange={(v) => actions.setSurfaceParam(spec.name, v)}
          />
        ))}
      {'expression' in surface && (
        <>
          <ExpressionInput
            expression={surface.expression}
            onValid={(expression) => actions.setSurface({ expression, domain: surface.domain })}
          />
          <DomainFields
            domain={surface.domain}
            onChange={(domain) => actions.setSurface({ expression: surface.expression, domain })}
          />
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <h3>Simulation</h3>
      <SimulationSettings />
    </section>
  );
}
