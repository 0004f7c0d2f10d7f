import { useId, useState } from 'react';
import type { Scenario } from '../../scenario/scenario.ts';
import type { Sweep, SweepKind, SweepMetric, SweepRange } from '../../scenario/sweep/sweep.ts';
import { pointsOf } from '../../scenario/modelScenario.ts';
import { checkDraft, type SweepDraft } from '../../state/draftSweep.ts';
import type { NetworkSetup } from '../../state/networkSim.ts';
import { actions, labStore } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { runLabel } from '../palette.ts';
import { parseNumberText, type Parsed } from '../panels/parseInput.ts';
import { NumberField } from '../panels/TypedField.tsx';
import { SweepStatus } from './SweepStatus.tsx';
import { sweepableParams } from './sweepableParams.ts';
import './sweep.css';

const KINDS: { kind: SweepKind; label: string; help: string }[] = [
  {
    kind: 'lr',
    label: 'LR sensitivity',
    help: 'Each run over a log-spaced range of learning rates: is the race fair at every lr?',
  },
  {
    kind: 'grid2',
    label: 'Hyperparameter map',
    help: 'The metric over two parameters of one run, e.g. lr × weight decay, as a heatmap',
  },
  {
    kind: 'basins',
    label: 'Basins',
    help: 'A grid of start points over the map, each coloured by where its run ends',
  },
  { kind: 'seeds', label: 'Seed fan', help: 'One run under several noise seeds, drawn on the map' },
];

/** The parameters a map can sweep: the run's, or those every run has (`run` null). */
function mappable(s: Scenario, run: number | null, network: NetworkSetup | null) {
  const of = (r: Scenario['runs'][number] | undefined) => (r ? sweepableParams(r, !!network) : []);
  if (run !== null) return of(s.runs[run] ?? s.runs[0]);
  const rest = s.runs.slice(1).map((r) => new Set(of(r).map((p) => p.name)));
  return of(s.runs[0]).filter((p) => rest.every((names) => names.has(p.name)));
}

/** What a seed changes here, next to the seeds field. */
function seedsNote(s: Scenario, network: NetworkSetup | null): string {
  const noise = s.noise.sigma > 0 ? `noise σ ${s.noise.sigma}` : null;
  if (!network) return noise ?? 'no noise: seeds agree';
  // A network's seed also orders its shuffled mini-batches.
  const shuffled = network.model.shuffle && network.model.batch_size < pointsOf(network.model.data);
  if (shuffled) return noise ? `${noise} and the batch order` : 'the seed orders the mini-batches';
  return noise ?? 'no noise or shuffle: seeds agree';
}

const anyNumber = (t: string): Parsed<number> => {
  const n = parseNumberText(t);
  return n === null
    ? { ok: false, message: 'type a number such as 0.01 or 1e-3' }
    : { ok: true, value: n };
};
const wholeNumber = (t: string): Parsed<number> => {
  const n = parseNumberText(t);
  return n === null || !Number.isInteger(n)
    ? { ok: false, message: 'type a whole number' }
    : { ok: true, value: n };
};

/** The kinds a network offers: its paths are projections, so no basin map or seed fan. */
const NETWORK_KINDS: readonly SweepKind[] = ['lr', 'grid2'];

/**
 * A new draft of a kind, from the schema's own defaults for the scenario shown (the network's
 * in the network lab).
 */
function freshDraft(
  s: Scenario,
  network: NetworkSetup | null,
  kind: SweepKind,
  run: number | null,
): SweepDraft {
  if (kind === 'grid2') {
    const names = mappable(s, run, network).map((p) => p.name);
    const second = names.includes('weight_decay') ? 'weight_decay' : names.find((n) => n !== 'lr');
    const params = second ? ['lr', second] : names.slice(0, 2);
    const r = checkDraft(s, { kind, run, params }, network);
    return r.sweep ? { ...r.sweep } : { kind, run, params };
  }
  const r = checkDraft(s, { kind, run: kind === 'lr' ? null : (run ?? 0) }, network);
  return r.sweep ? { ...r.sweep } : { kind };
}

/**
 * The sweep panel: which sweep (lr sensitivity, a hyperparameter map, basins, a seed fan), its
 * run, parameters, ranges, resolution, seeds and metric, generated from the optimizers' own
 * parameter descriptions; Compute checks the draft with the scenario schema (its message shown
 * when it is refused, e.g. too much work) and makes it the scenario's sweep, which the link
 * carries and the worker pool computes.
 */
export function SweepPanel() {
  const id = useId();
  const scenario = useLab((s) => s.scenario);
  const network = useLab((s) => s.network);
  const selectedRun = useLab((s) => s.selectedRun);
  // The draft belongs to the sweep it was begun from: a lesson or link with its own sweep
  // replaces it.
  const [edited, setEdited] = useState<{ from: unknown; draft: SweepDraft } | null>(null);
  const draft = edited && edited.from === scenario.sweep ? edited.draft : null;
  const setDraft = (next: SweepDraft | null) =>
    setEdited(next ? { from: labStore.getState().scenario.sweep, draft: next } : null);
  const [message, setMessage] = useState<string | null>(null);
  // The draft shown: the one being edited, else the scenario's sweep, else the lr default.
  const d: SweepDraft =
    draft ??
    (scenario.sweep ? { ...scenario.sweep } : freshDraft(scenario, network, 'lr', selectedRun));
  const edit = (patch: Partial<Sweep>) => {
    setDraft({ ...d, ...patch } as SweepDraft);
    setMessage(null);
  };
  const runs = scenario.runs;
  const run = typeof d.run === 'number' ? d.run : null;
  const ranges = (d.ranges as SweepRange[] | undefined) ?? [];
  const resolution = (d.resolution as number[] | undefined) ?? [];
  const metric = (d.metric as SweepMetric | undefined) ?? 'final_loss';
  const params = (d.params as string[] | undefined) ?? [];
  const choices = d.kind === 'grid2' || run !== null ? mappable(scenario, run, network) : [];

  const compute = () => {
    const st = labStore.getState();
    const r = checkDraft(st.scenario, d, st.network);
    if (!r.sweep) {
      setMessage(r.message);
      return;
    }
    setMessage(null);
    setDraft(null);
    // A new object each time: the same sweep again is computed again.
    actions.setSweep({ ...r.sweep });
  };

  const setRange = (i: number, part: 0 | 1 | 2, value: number | 'log' | 'linear') => {
    const next = ranges.map((r) => [...r] as SweepRange);
    if (!next[i]) return;
    (next[i] as unknown[])[part] = value;
    edit({ ranges: next });
  };
  const setParam = (i: number, name: string) => {
    const next = [...params];
    next[i] = name;
    const p = choices.find((c) => c.name === name);
    const nextRanges = ranges.map((r) => [...r] as SweepRange);
    if (p) nextRanges[i] = [...p.range];
    edit({ params: next, ranges: nextRanges });
  };

  const axisNames =
    d.kind === 'lr' ? ['lr'] : d.kind === 'basins' ? ['x', 'y'] : d.kind === 'grid2' ? params : [];

  return (
    <section className="panel sweep-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sweep</h2>
      <div role="group" aria-label="Sweep kind" className="sweep-kinds">
        {KINDS.filter((k) => !network || NETWORK_KINDS.includes(k.kind)).map((k) => (
          <button
            key={k.kind}
            type="button"
            title={k.help}
            aria-pressed={d.kind === k.kind}
            onClick={() => {
              setDraft(freshDraft(scenario, network, k.kind, run ?? selectedRun));
              setMessage(null);
            }}
          >
            {k.label}
          </button>
        ))}
      </div>
      <div className="sweep-fields">
        <label htmlFor={`${id}-run`}>run</label>
        <select
          id={`${id}-run`}
          value={run === null ? 'all' : String(run)}
          onChange={(e) => {
            const v = e.target.value === 'all' ? null : Number(e.target.value);
            if (d.kind === 'grid2') setDraft(freshDraft(scenario, network, 'grid2', v));
            else edit({ run: v });
          }}
        >
          {(d.kind === 'lr' || d.kind === 'grid2') && <option value="all">every run</option>}
          {runs.map((r, i) => (
            <option key={i} value={i}>
              {i + 1}: {runLabel(r)}
            </option>
          ))}
        </select>
        {axisNames.map((name, i) => (
          <fieldset key={i} className="sweep-axis">
            <legend>
              {d.kind === 'grid2' ? (
                <select
                  aria-label={`parameter ${i + 1}`}
                  value={name}
                  onChange={(e) => setParam(i, e.target.value)}
                >
                  {choices.map((c) => (
                    <option key={c.name} value={c.name} disabled={params[1 - i] === c.name}>
                      {c.label} ({c.name})
                    </option>
                  ))}
                </select>
              ) : (
                name
              )}
            </legend>
            {ranges[i] && (
              <div className="sweep-range">
                <NumberField
                  value={ranges[i][0]}
                  parse={anyNumber}
                  onCommit={(v) => setRange(i, 0, v)}
                  aria-label={`${name} from`}
                />
                <span aria-hidden="true">to</span>
                <NumberField
                  value={ranges[i][1]}
                  parse={anyNumber}
                  onCommit={(v) => setRange(i, 1, v)}
                  aria-label={`${name} to`}
                />
                <label className="sweep-log">
                  <input
                    type="checkbox"
                    checked={ranges[i][2] === 'log'}
                    onChange={(e) => setRange(i, 2, e.target.checked ? 'log' : 'linear')}
                  />
                  log spaced
                </label>
                <span className="sweep-count">
                  <NumberField
                    value={resolution[i] ?? 1}
                    parse={wholeNumber}
                    onCommit={(v) => {
                      const next = [...resolution];
                      next[i] = v;
                      edit({ resolution: next });
                    }}
                    aria-label={`${name} points`}
                  />
                  <span className="muted" aria-hidden="true">
                    points
                  </span>
                </span>
              </div>
            )}
          </fieldset>
        ))}
        <label htmlFor={`${id}-seeds`}>seeds</label>
        <div className="sweep-inline">
          <NumberField
            id={`${id}-seeds`}
            value={(d.seeds as number | undefined) ?? 1}
            parse={wholeNumber}
            onCommit={(v) => edit({ seeds: v })}
            aria-label="seeds"
          />
          <span className="muted">{seedsNote(scenario, network)}</span>
        </div>
        {d.kind !== 'seeds' && (
          <>
            <label htmlFor={`${id}-metric`}>metric</label>
            <div className="sweep-inline">
              <select
                id={`${id}-metric`}
                value={typeof metric === 'string' ? metric : 'steps_to'}
                onChange={(e) => {
                  const v = e.target.value;
                  edit({ metric: v === 'steps_to' ? { steps_to: 1e-3 } : (v as SweepMetric) });
                }}
              >
                <option value="final_loss">final loss</option>
                <option value="best_loss">best loss</option>
                <option value="steps_to">steps to reach a loss</option>
              </select>
              {typeof metric !== 'string' && (
                <NumberField
                  value={metric.steps_to}
                  parse={anyNumber}
                  onCommit={(v) => edit({ metric: { steps_to: v } })}
                  aria-label="loss to reach"
                />
              )}
            </div>
          </>
        )}
      </div>
      <div className="sweep-actions">
        <button type="button" className="sweep-compute" onClick={compute}>
          Compute
        </button>
        <span className="muted">{scenario.steps} steps per cell</span>
      </div>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <SweepStatus />
    </section>
  );
}
