import { useId } from 'react';
import type { ParamValue } from '../../engine/params.ts';
import type { IterateRef, ModelData } from '../../scenario/modelScenario.ts';
import { IterateSelect } from './IterateSelect.tsx';
import { MODEL_LIMITS } from '../../scenario/modelScenario.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { useSimulation } from '../../state/useSimulation.ts';
import { ParamControl } from '../panels/ParamControl.tsx';
import { TypedField } from '../panels/TypedField.tsx';
import type { Parsed } from '../panels/parseInput.ts';
import { SimulationSettings } from '../panels/SimulationSettings.tsx';
import { TrainingStatus } from './TrainingStatus.tsx';
import {
  ACTIVATION_SPEC,
  BATCH_SPEC,
  CLASSES_SPEC,
  DATA_SPECS,
  DATASET_SPEC,
  INIT_SEED_SPEC,
  PLANE_SPEC,
  planeLabel,
  RESIDUAL_SPEC,
  SHUFFLE_SPEC,
  SLICE_SPECS,
} from './networkSpecs.ts';
import '../panels/panels.css';

/** "16, 16" → [16, 16]; an empty list is a network with no hidden layer (logistic regression). */
function parseHidden(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,]+/).filter((t) => t !== '');
  const widths = parts.map(Number);
  if (widths.some((w) => !Number.isInteger(w) || w < 1 || w > MODEL_LIMITS.maxWidth))
    return {
      ok: false,
      message: `hidden: widths are whole numbers from 1 to ${MODEL_LIMITS.maxWidth}, separated by commas`,
    };
  if (widths.length > MODEL_LIMITS.maxLayers)
    return { ok: false, message: `hidden: at most ${MODEL_LIMITS.maxLayers} layers` };
  return { ok: true, value: widths };
}

/** The plane through three points' corners, as the plane places them. */
const POINT_NAMES = ['a (0, 0)', 'b (1, 0)', 'c (off the axis)'] as const;

/** The plane through three points starts through the initial weights and two runs' ends. */
const defaultPoints = (runs: number): IterateRef[] => [
  { run: 0, step: 0 },
  { run: 0, step: -1 },
  { run: Math.min(1, runs - 1), step: -1 },
];

/** The network lab's left panel: the data, the network, its mini-batches and the slice drawn. */
export function NetworkPanel() {
  const id = useId();
  const network = useLab((s) => s.network);
  const runs = useLab((s) => s.scenario.runs);
  const explained = useSimulation((s) => s.network?.slice?.explained ?? null);
  if (!network) return null;
  const { model, slice } = network;
  const points = slice.points ?? defaultPoints(runs.length);
  const data = model.data;
  const generated = 'name' in data;
  const setData = (name: string, v: ParamValue) =>
    generated && actions.setModel({ data: { ...data, [name]: v } as ModelData });

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Network</h2>
      <TrainingStatus />
      <h3>Data</h3>
      {generated ? (
        <>
          <ParamControl
            spec={DATASET_SPEC}
            value={data.name}
            onChange={(v) => setData('name', v)}
          />
          {DATA_SPECS.map((spec) => (
            <ParamControl
              key={spec.name}
              spec={spec}
              value={data[spec.name as 'n' | 'noise' | 'seed']}
              onChange={(v) => setData(spec.name, v)}
            />
          ))}
          {data.name === 'blobs' && (
            <ParamControl
              spec={CLASSES_SPEC}
              value={data.classes}
              onChange={(v) => setData('classes', v)}
            />
          )}
        </>
      ) : (
        <p className="muted">{data.points.length} points given in the scenario.</p>
      )}
      <h3>Model</h3>
      <div
        className="param"
        title="Widths of the hidden layers, input to output: 16, 16 is Linear(2, 16) → σ → Linear(16, 16) → σ → Linear(16, classes)."
      >
        <label htmlFor={`${id}-hidden`}>hidden widths</label>
        <TypedField
          id={`${id}-hidden`}
          value={model.hidden}
          format={(h) => h.join(', ')}
          parse={parseHidden}
          onCommit={(hidden) => actions.setModel({ hidden })}
        />
      </div>
      <ParamControl
        spec={ACTIVATION_SPEC}
        value={model.activation}
        onChange={(v) => actions.setModel({ activation: v as 'tanh' })}
      />
      <ParamControl
        spec={RESIDUAL_SPEC}
        value={model.residual}
        onChange={(v) => actions.setModel({ residual: v as boolean })}
      />
      {'seed' in model.init ? (
        <ParamControl
          spec={INIT_SEED_SPEC}
          value={model.init.seed}
          onChange={(v) => actions.setModel({ init: { seed: v as number } })}
        />
      ) : (
        <p className="muted">Initial weights given in the scenario.</p>
      )}
      <h3>Training</h3>
      <ParamControl
        spec={BATCH_SPEC}
        value={model.batch_size}
        onChange={(v) => actions.setModel({ batch_size: v as number })}
      />
      <ParamControl
        spec={SHUFFLE_SPEC}
        value={model.shuffle}
        onChange={(v) => actions.setModel({ shuffle: v as boolean })}
      />
      <SimulationSettings showStart={false} />
      <h3>Landscape slice</h3>
      <p className="muted">
        The view draws the training loss at centre + α·d₁ + β·d₂, over a plane through weight space:
        α and β are its axes.
      </p>
      <ParamControl
        spec={PLANE_SPEC}
        value={slice.plane}
        choiceLabel={planeLabel}
        onChange={(v) =>
          actions.setSlice(
            v === 'points'
              ? // a, b and c sit at (0, 0), (1, 0) and (p, 1): a wider span shows all three.
                { plane: 'points', points, span: Math.max(slice.span, 1.5) }
              : { plane: v as 'pca' },
          )
        }
      />
      {explained && (
        <p className="muted">
          The plane explains {(100 * explained[0]).toFixed(1)}% and{' '}
          {(100 * explained[1]).toFixed(1)}% of the paths’ variance.
        </p>
      )}
      {SLICE_SPECS.filter((s) => s.name !== 'seed' || slice.plane === 'filter_normalized').map(
        (spec) => (
          <ParamControl
            key={spec.name}
            spec={spec}
            value={slice[spec.name as 'span' | 'resolution' | 'seed']}
            onChange={(v) => actions.setSlice({ [spec.name]: v })}
          />
        ),
      )}
      {slice.plane === 'points' ? (
        POINT_NAMES.map((name, k) => (
          <div className="param" key={name}>
            <label htmlFor={`${id}-point-${k}`}>{name}</label>
            <IterateSelect
              id={`${id}-point-${k}`}
              runs={runs}
              label={`The plane’s point ${name}`}
              value={points[k]}
              onChange={(p) =>
                actions.setSlice({ points: points.map((q, j) => (j === k ? p : q)) })
              }
            />
          </div>
        ))
      ) : (
        <div className="param">
          <label htmlFor={`${id}-center`}>centred at</label>
          <IterateSelect
            id={`${id}-center`}
            runs={runs}
            label="The plane’s centre"
            value={slice.center}
            onChange={(center) => actions.setSlice({ center })}
          />
        </div>
      )}
    </section>
  );
}
