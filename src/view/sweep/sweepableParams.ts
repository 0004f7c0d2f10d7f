import { OPTIMIZERS } from '../../engine/optimizers/index.ts';
import { specsOf } from '../../engine/validateParams.ts';
import type { ScenarioRun } from '../../scenario/scenario.ts';
import { sliderRange, sweptParam } from '../../scenario/sweep/sweepParam.ts';
import type { SweepRange } from '../../scenario/sweep/sweep.ts';

/** A parameter the map can sweep, as its picker lists it. */
export interface SweepableParam {
  /** As the sweep names it: `weight_decay`, `betas[1]`. */
  name: string;
  /** As the run's controls label it: "weight decay", "betas β2". */
  label: string;
  /** Its slider's range and spacing: the map's default axis. */
  range: SweepRange;
}

/**
 * Every parameter of the run's optimizer that a sweep accepts (sweptParam decides: continuous
 * numbers and tuple elements), from the registry's descriptions, in the controls' order.
 */
export function sweepableParams(run: ScenarioRun, network = false): SweepableParam[] {
  const def = OPTIMIZERS[run.optimizer];
  if (!def) return [];
  const out: SweepableParam[] = [];
  // On a surface a network-only parameter changes nothing.
  for (const spec of specsOf(def, run.params).filter((s) => network || !s.networkOnly)) {
    const names =
      spec.kind === 'tuple'
        ? spec.default.map((_, i) => ({
            name: `${spec.name}[${i}]`,
            label: `${spec.label} ${spec.itemLabels[i] ?? i}`,
          }))
        : [{ name: spec.name, label: spec.label }];
    for (const n of names) {
      const p = sweptParam(run, n.name);
      if (typeof p !== 'string') out.push({ ...n, range: sliderRange(p) });
    }
  }
  return out;
}
