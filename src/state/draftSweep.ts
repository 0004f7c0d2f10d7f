import { pathText } from '../engine/issues.ts';
import { checkScenario } from '../scenario/parseScenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Sweep } from '../scenario/sweep/sweep.ts';

/**
 * What the sweep panel's controls add up to before Compute: a sweep as a scenario file would
 * spell it (any field may be left out for its kind's default).
 */
export type SweepDraft = Record<string, unknown> & { kind: Sweep['kind'] };

/**
 * The draft checked by the one schema against the scenario it would join: the completed sweep,
 * or the schema's message for it, naming the field (`sweep.resolution: asks for 24,000,000
 * optimizer steps …`). The page shows the message and keeps what it has.
 */
export function checkDraft(
  scenario: Scenario,
  draft: SweepDraft,
): { sweep: Sweep; message: null } | { sweep: null; message: string } {
  const r = checkScenario({ ...scenario, sweep: draft });
  if (r.ok && r.value.sweep) return { sweep: r.value.sweep, message: null };
  if (r.ok) return { sweep: null, message: 'sweep: nothing to compute' };
  // The scenario itself is valid (it is the page's): its sweep's issue is the one to show.
  const issue = r.issues.find((i) => i.path[0] === 'sweep') ?? r.issues[0];
  return { sweep: null, message: `${pathText(issue.path)}: ${issue.problem}` };
}

/** Whether the scenario's sweep still fits its scenario (an edit may have removed its run). */
export function sweepStillValid(scenario: Scenario): boolean {
  if (!scenario.sweep) return true;
  return checkScenario(scenario).ok;
}
