import { pathText } from '../engine/issues.ts';
import { parseModelScenario } from '../scenario/modelScenario.ts';
import { checkScenario } from '../scenario/parseScenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Sweep } from '../scenario/sweep/sweep.ts';
import type { SweptScenario } from '../scenario/sweep/sweepPlan.ts';
import { networkInput, type NetworkSetup } from './networkSim.ts';

/**
 * What the sweep panel's controls add up to before Compute: a sweep as a scenario file would
 * spell it (any field may be left out for its kind's default).
 */
export type SweepDraft = Record<string, unknown> & { kind: Sweep['kind'] };

/**
 * The scenario a sweep is computed on, validated with it by its one schema: the surface
 * scenario, or in the network lab the network scenario its settings make. Throws the schema's
 * message (a ScenarioError) when the sweep does not fit.
 */
export function sweptScenario(
  scenario: Scenario,
  network: NetworkSetup | null,
  sweep: unknown = scenario.sweep,
): SweptScenario {
  if (network) return parseModelScenario(networkInput(scenario, network, sweep));
  const r = checkScenario({ ...scenario, sweep });
  if (r.ok) return r.value;
  // The scenario itself is valid (it is the page's): its sweep's issue is the one to show.
  const issue = r.issues.find((i) => i.path[0] === 'sweep') ?? r.issues[0];
  throw new Error(`${pathText(issue.path)}: ${issue.problem}`);
}

/**
 * The draft checked by the one schema against the scenario it would join: the completed sweep,
 * or the schema's message for it, naming the field (`sweep.resolution: asks for 24,000,000
 * optimizer steps …`). The page shows the message and keeps what it has.
 */
export function checkDraft(
  scenario: Scenario,
  draft: SweepDraft,
  network: NetworkSetup | null = null,
): { sweep: Sweep; message: null } | { sweep: null; message: string } {
  try {
    const sweep = sweptScenario(scenario, network, draft).sweep;
    return sweep ? { sweep, message: null } : { sweep: null, message: 'sweep: nothing to compute' };
  } catch (e) {
    // A whole-scenario rule's message has no field path before its colon.
    return { sweep: null, message: (e as Error).message.replace(/^:\s*/, '') };
  }
}

/** Whether the scenario's sweep still fits its scenario (an edit may have removed its run). */
export function sweepStillValid(scenario: Scenario, network: NetworkSetup | null = null): boolean {
  if (!scenario.sweep) return true;
  try {
    sweptScenario(scenario, network);
    return true;
  } catch {
    return false;
  }
}
