import { FieldError } from '../engine/validateParams.ts';
import { isPlainObject } from '../engine/issues.ts';
import { SCENARIO_VERSION } from './scenario.ts';

/**
 * Schema migrations: a scenario written by an older version is upgraded step by step, never
 * rejected. MIGRATIONS[v] turns a version-v object into a version-(v+1) object.
 * Version 1 is the first published schema, so there is nothing to migrate yet; a file without
 * a version is taken as the current one (hand-written simulate files rarely carry it).
 */
const MIGRATIONS: Record<number, (o: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateScenario(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  let version = input.version ?? SCENARIO_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new FieldError('version', 'must be a positive whole number');
  if (version > SCENARIO_VERSION)
    throw new FieldError(
      'version',
      `${version} is newer than this app understands (${SCENARIO_VERSION}); update the app`,
    );
  let o: Record<string, unknown> = input;
  while (version < SCENARIO_VERSION) {
    o = MIGRATIONS[version](o);
    version++;
  }
  return { ...o, version };
}
