import * as v from 'valibot';
import { isPlainObject, required, strictRecord } from '../../engine/issues.ts';
import { finite, integer, oneOf, orNull, text } from '../fields.ts';
import { LIMITS } from '../scenario.ts';
import {
  SWEEP_DEFAULTS,
  SWEEP_LIMITS,
  type SweepKind,
  type SweepMetric,
  type SweepRange,
} from './sweep.ts';

/**
 * The `sweep` field's own shape, per kind (what it can check without the runs): the scenario
 * schema then checks it against the runs and steps (sweepProblems.ts) and fills in the defaults
 * that depend on them (completeSweep.ts). Absent fields are left undefined here.
 */
export interface SweepInput {
  kind: SweepKind;
  run: number | null | undefined;
  params: string[] | undefined;
  ranges: SweepRange[] | undefined;
  resolution: number[] | undefined;
  seeds: number | undefined;
  metric: SweepMetric;
}

const KINDS: readonly SweepKind[] = ['lr', 'grid2', 'basins', 'seeds'];
const FIELDS = ['kind', 'run', 'params', 'ranges', 'resolution', 'seeds', 'metric'];

const range = v.pipe(
  v.custom<unknown[]>(
    (x) => Array.isArray(x) && x.length === 3,
    'must be [from, to, "log" | "linear"]',
  ),
  v.strictTuple([
    finite(-LIMITS.maxCoordinate, LIMITS.maxCoordinate),
    finite(-LIMITS.maxCoordinate, LIMITS.maxCoordinate),
    oneOf(['log', 'linear'] as const),
  ]),
  v.check((r) => r[0] < r[1], 'needs from < to'),
  v.check((r) => r[2] !== 'log' || r[0] > 0, 'a log range needs from > 0'),
  v.transform((r) => [...r] as SweepRange),
);

/** A list of exactly `n` items, each checked by `item`. */
const listOf = <T>(n: number, item: v.GenericSchema<unknown, T>, shape: string) =>
  v.pipe(
    v.custom<unknown[]>((x) => Array.isArray(x) && x.length === n, `must be ${shape}`),
    v.array(item),
  );

const resolution = (n: number) =>
  v.optional(
    listOf(
      n,
      integer(1, SWEEP_LIMITS.maxResolution),
      n === 1 ? 'a list of one count, e.g. [40]' : 'a list of two counts, e.g. [40, 30]',
    ),
  );
const ranges = (n: number) =>
  v.optional(
    listOf(
      n,
      range,
      n === 1 ? 'a list of one range, e.g. [[1e-4, 1, "log"]]' : 'a list of two ranges',
    ),
  );

/** Exactly this list of names, or absent (the kind's axes are fixed). */
const fixedParams = (names: string[]) =>
  v.optional(
    v.custom<string[]>(
      (x) => Array.isArray(x) && x.length === names.length && x.every((n, i) => n === names[i]),
      `must be ${JSON.stringify(names)} for this kind (or left out)`,
    ),
  );

const paramName = text(40);
const grid2Params = required(
  v.pipe(
    listOf(2, paramName, 'two parameter names, e.g. ["lr", "weight_decay"]'),
    v.check((p) => p[0] !== p[1], 'needs two different parameters'),
  ),
);

const metricSchema = v.optional(
  v.union(
    [
      oneOf(['final_loss', 'best_loss'] as const),
      strictRecord({ steps_to: required(finite()) }, 'field'),
    ],
    'must be "final_loss", "best_loss" or {"steps_to": a loss}',
  ),
  SWEEP_DEFAULTS.metric,
) as v.GenericSchema<unknown, SweepMetric>;

const runIndex = integer(0, LIMITS.maxRuns - 1);
const seeds = v.optional(integer(1, SWEEP_LIMITS.maxSeeds));

/** A seed fan's ranges and resolution: none (an empty list, as a validated sweep has). */
const noAxes = v.optional(
  v.custom<[]>(
    (x) => Array.isArray(x) && x.length === 0,
    'a seed fan has none: its axis is the seeds (leave it out)',
  ),
);

const BY_KIND: Record<SweepKind, v.GenericSchema<unknown, SweepInput>> = {
  lr: strictRecord(
    {
      kind: v.literal('lr'),
      run: orNull(runIndex),
      params: fixedParams(['lr']),
      ranges: ranges(1),
      resolution: resolution(1),
      seeds,
      metric: metricSchema,
    },
    'field',
    FIELDS,
  ) as never,
  grid2: strictRecord(
    {
      kind: v.literal('grid2'),
      // Absent: run 0; null: every run.
      run: v.optional(v.nullable(runIndex)),
      params: grid2Params,
      ranges: ranges(2),
      resolution: resolution(2),
      seeds,
      metric: metricSchema,
    },
    'field',
    FIELDS,
  ) as never,
  basins: strictRecord(
    {
      kind: v.literal('basins'),
      run: v.optional(runIndex),
      params: fixedParams(['x', 'y']),
      ranges: ranges(2),
      resolution: resolution(2),
      seeds,
      metric: metricSchema,
    },
    'field',
    FIELDS,
  ) as never,
  seeds: strictRecord(
    {
      kind: v.literal('seeds'),
      run: v.optional(runIndex),
      params: fixedParams(['seed']),
      ranges: noAxes,
      resolution: noAxes,
      seeds,
      metric: metricSchema,
    },
    'field',
    FIELDS,
  ) as never,
};

const kindSchema = strictRecord({ kind: required(oneOf(KINDS)) }, 'field', FIELDS);

/** The `sweep` field: absent or null for none; a bad field names itself (`sweep.ranges[0]`). */
export const sweepSchema: v.GenericSchema<unknown, SweepInput | null> = v.nullish(
  v.lazy((input) => {
    const kind = isPlainObject(input) ? input.kind : undefined;
    return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)
      ? BY_KIND[kind as SweepKind]
      : (kindSchema as never);
  }),
  null,
);
