import { useId } from 'react';
import type { NumberParam } from '../../engine/params.ts';
import { LIMITS } from '../../scenario/scenario.ts';
import { actions } from '../../state/store.ts';
import { useSimulation } from '../../state/useSimulation.ts';
import { useLab } from '../../state/useLab.ts';
import { fmtPoint } from '../../engine/formatNumber.ts';
import { parseIntegerIn } from './parseInput.ts';
import { ParamControl } from './ParamControl.tsx';
import { NumberField } from './TypedField.tsx';
import { PointFields } from './PointFields.tsx';

// The scenario's own numbers, described like parameters so they get the same generated controls.
const STEPS_SPEC: NumberParam = {
  kind: 'number',
  name: 'steps',
  label: 'steps',
  help: 'How many optimizer steps every run takes (1 to 10,000).',
  default: 200,
  min: 1,
  max: LIMITS.maxSteps,
  integer: true,
  log: true,
  sliderMin: 1,
  sliderMax: LIMITS.maxSteps,
};

const SIGMA_SPEC: NumberParam = {
  kind: 'number',
  name: 'sigma',
  label: 'gradient noise σ',
  help: 'Each step sees g + σ·ξ with ξ standard normal, like a mini-batch gradient: noise lets an optimizer rattle out of sharp minima and off saddle points, but keeps it from settling exactly.',
  default: 0,
  min: 0,
  max: LIMITS.maxSigma,
  sliderMin: 0,
  sliderMax: 10,
};

/**
 * Where every run starts, how long it runs, and the noise it sees. A network's runs all start
 * at its initial weights: no start point there.
 */
export function SimulationSettings({ showStart = true }: { showStart?: boolean }) {
  const id = useId();
  const start = useLab((s) => s.scenario.start);
  const steps = useLab((s) => s.scenario.steps);
  const noise = useLab((s) => s.scenario.noise);
  const suggested = useSimulation((s) => s.built?.start ?? null);
  const point = start ?? suggested;

  return (
    <div className="sim-settings">
      {showStart && (
        <fieldset className="start-fields">
          <legend>
            Start point {start === null && <span className="muted">(suggested)</span>}
          </legend>
          {point ? (
            <PointFields id={id} name="start" point={point} onCommit={actions.setStart} />
          ) : (
            <p className="muted">The surface could not be built, so it has no start point.</p>
          )}
          <button
            type="button"
            disabled={start === null}
            onClick={() => actions.setStart(null)}
            title={
              suggested
                ? `The surface's suggested start ${fmtPoint(suggested[0], suggested[1])}`
                : undefined
            }
          >
            Reset to suggested
          </button>
        </fieldset>
      )}
      <ParamControl
        spec={STEPS_SPEC}
        value={steps}
        onChange={(v) => actions.setSteps(v as number)}
      />
      <ParamControl
        spec={SIGMA_SPEC}
        value={noise.sigma}
        onChange={(v) => actions.setNoise({ sigma: v as number })}
      />
      <div
        className="param seed"
        title="Seeds the gradient noise and the data surfaces' mini-batches: the same seed replays the same dice."
      >
        <label htmlFor={`${id}-seed`}>seed</label>
        <div className="param-row">
          <NumberField
            id={`${id}-seed`}
            inputMode="numeric"
            value={noise.seed}
            parse={(t) => parseIntegerIn('seed', t, 0, LIMITS.maxSeed)}
            onCommit={(seed) => actions.setNoise({ seed })}
          />
          <button
            type="button"
            aria-label="New random seed"
            title="New random seed"
            onClick={() => actions.setNoise({ seed: Math.floor(Math.random() * LIMITS.maxSeed) })}
          >
            random
          </button>
        </div>
      </div>
    </div>
  );
}
