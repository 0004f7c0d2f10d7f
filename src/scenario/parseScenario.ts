import { issuesOf, pathText, type Issue } from '../engine/issues.ts';
import { FieldError } from '../engine/validateParams.ts';
import { migrateScenario } from './migrations.ts';
import type { Scenario } from './scenario.ts';
import { scenarioSchema, stepsOf } from './scenarioSchema.ts';

/** A scenario's first problem, as an error whose message names the field (for the CLI). */
export class ScenarioError extends FieldError {
  constructor(readonly issue: Issue) {
    super(pathText(issue.path), issue.problem);
  }
}

/** Every problem of untrusted scenario data (after its migrations), or the valid scenario. */
export function checkScenario(migrated: unknown) {
  return issuesOf(scenarioSchema(stepsOf(migrated)), migrated);
}

/**
 * Validate untrusted scenario data (a parsed JSON file or a decoded link) into a Scenario with
 * every default filled in. Throws a ScenarioError naming the first offending field (a
 * FieldError for a bad version). Older schema versions are migrated first.
 */
export function parseScenario(input: unknown): Scenario {
  const r = checkScenario(migrateScenario(input));
  if (!r.ok) throw new ScenarioError(r.issues[0]);
  return r.value;
}
