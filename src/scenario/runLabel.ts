import { OPTIMIZERS } from '../engine/optimizers/index.ts';
import type { ParamSpec, ParamValue } from '../engine/params.ts';
import { SCHEDULES } from '../engine/schedules/index.ts';
import { specsOf } from '../engine/validateParams.ts';
import type { ScenarioRun } from './scenario.ts';
import { lrSetBySchedule } from './scheduleSetsLr.ts';

/**
 * The name a run is shown and exported with (legend, plots, CSV/JSON, "Copy as PyTorch").
 *
 * - `label: null` is automatic: the optimizer's name and the settings that tell it apart, from
 *   its current parameters, so it follows every change: "SAM (lr 0.1, ρ 0.07)".
 * - A label string is the user's (or a preset author's) words and is kept as written, except
 *   that `{name}` placeholders show that parameter's current value (the run's own, else its
 *   schedule's): a preset's "SAM (ρ {rho})" reads "SAM (ρ 0.07)" once ρ is 0.07. A name the run
 *   does not have is left as typed.
 */
export function runLabel(run: ScenarioRun): string {
  if (run.label !== null) return fillLabel(run.label, run);
  return autoLabel(run);
}

/** Short names for the settings a label shows (the rest use their ParamSpec label). */
const SHORT: Readonly<Record<string, string>> = {
  rho: 'ρ',
  weight_decay: 'λ',
  betas: 'β',
  alpha: 'α',
  lr_decay: 'lr decay',
  momentum_decay: 'ψ',
};

/** How many settings besides lr an automatic label lists before "…". */
const MAX_SETTINGS = 2;

/** A value as typed (0.07, not 7.000000000000001e-2 rounding): numbers as JavaScript prints them. */
function valueText(v: ParamValue): string {
  if (v === null) return 'steps';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return v;
  return `(${v.map((x) => String(Number(x.toPrecision(6)))).join(', ')})`;
}

const same = (a: ParamValue, b: ParamValue) => valueText(a) === valueText(b);

function settingText(spec: ParamSpec, v: ParamValue): string {
  const name = SHORT[spec.name] ?? spec.label;
  // A switch that is on is named alone ("nesterov"); off is the default and not shown.
  if (spec.kind === 'boolean') return name;
  if (spec.kind === 'choice') return `${name} ${v === null ? 'None' : (v as string)}`;
  return `${name} ${valueText(v)}`;
}

/** "SGD (lr 0.2, momentum 0.9) + Cosine annealing", "SAM over Adam (lr 0.05, ρ 0.1)". */
export function autoLabel(run: ScenarioRun): string {
  const def = OPTIMIZERS[run.optimizer];
  if (!def) return run.optimizer;
  const specs = specsOf(def, run.params);
  const base = run.params.base;
  const baseName = typeof base === 'string' && base !== 'sgd' ? OPTIMIZERS[base]?.label : null;
  const name = baseName ? `${def.label} over ${baseName}` : def.label;
  const parts: string[] = [];
  // lr first (the knob every comparison turns), unless the schedule sets it.
  const lrSetBy = lrSetBySchedule(run, 50);
  if (!lrSetBy && typeof run.params.lr === 'number') parts.push(`lr ${valueText(run.params.lr)}`);
  const changed = specs.filter(
    (s) =>
      s.name !== 'lr' &&
      s.name !== 'base' &&
      run.params[s.name] !== undefined &&
      !same(run.params[s.name], s.default),
  );
  // SAM's ρ is what SAM is about: always shown.
  const rho = specs.find((s) => s.name === 'rho');
  if (rho && !changed.includes(rho)) changed.unshift(rho);
  for (const s of changed.slice(0, MAX_SETTINGS)) parts.push(settingText(s, run.params[s.name]));
  if (changed.length > MAX_SETTINGS) parts.push('…');
  let text = parts.length ? `${name} (${parts.join(', ')})` : name;
  if (run.schedule) {
    const sched = SCHEDULES[run.schedule.name];
    const label = sched?.label ?? run.schedule.name;
    // The lr a schedule sets itself is the schedule's own headline number.
    const peak = sched?.params.find((p) => p.kind === 'number' && /lr$/.test(p.name));
    const own =
      lrSetBy && peak
        ? ` ${SHORT[peak.name] ?? peak.label} ${valueText(run.schedule.params[peak.name] ?? peak.default)}`
        : '';
    text += ` + ${label}${own}`;
  }
  return text;
}

/** A typed label with its `{param}` placeholders filled from the run's current settings. */
function fillLabel(label: string, run: ScenarioRun): string {
  return label.replace(/\{([a-z_0-9]+)\}/g, (whole, name: string) => {
    if (Object.hasOwn(run.params, name))
      return valueText(run.params[name]).replace(/^\((.*)\)$/, '$1');
    if (run.schedule && Object.hasOwn(run.schedule.params, name))
      return valueText(run.schedule.params[name]).replace(/^\((.*)\)$/, '$1');
    return whole;
  });
}
