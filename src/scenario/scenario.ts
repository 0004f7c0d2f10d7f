import type { ParamValues } from '../engine/params.ts';
import type { Sweep } from './sweep/sweep.ts';

/**
 * A scenario: everything needed to reproduce what the lab shows. The same shape is the
 * `simulate` input file (docs/scenario.md) and, compressed, the share link.
 * Decoded scenarios are fully validated and defaulted (see parseScenario).
 */
export const SCENARIO_VERSION = 1;

export type SurfaceRef =
  | { id: string; params: ParamValues }
  | {
      expression: string;
      /** [xMin, xMax, yMin, yMax] the view shows; defaults to [-3, 3, -3, 3]. */
      domain: [number, number, number, number];
    };

export interface ScheduleRef {
  name: string;
  params: ParamValues;
}

export interface ScenarioRun {
  optimizer: string;
  params: ParamValues;
  schedule: ScheduleRef | null;
  /** Overrides the scenario's start point for this run. */
  start: [number, number] | null;
  /** Stochastic weight averaging from this iterate on (reported as its own path). */
  swa: { start: number } | null;
  /**
   * null = automatic (optimizer and settings, following every change); a string is the user's
   * and kept, its `{param}` placeholders showing current values (runLabel.ts).
   */
  label: string | null;
  /** CSS hex colour, e.g. "#e6550d"; null = the palette colour for its position. */
  color: string | null;
  visible: boolean;
}

export interface ScenarioView {
  mode: '3d' | '2d';
  /** null = the surface's suggested view. */
  logHeight: boolean | null;
  /** Camera position and orbit target in scene units; null = the default framing. */
  camera: { position: [number, number, number]; target: [number, number, number] } | null;
  /** The step the playhead shows. */
  playhead: number;
}

export interface Scenario {
  version: number;
  surface: SurfaceRef;
  /** null = the surface's default start point. */
  start: [number, number] | null;
  steps: number;
  noise: { sigma: number; seed: number };
  runs: ScenarioRun[];
  view: ScenarioView;
  /** Many runs of this scenario, one setting changed in each (sweep/sweep.ts); absent = none. */
  sweep?: Sweep;
}

export const LIMITS = {
  maxRuns: 8,
  maxSteps: 10_000,
  maxLabel: 40,
  maxCoordinate: 1e6,
  maxSigma: 1e3,
  maxSeed: 2 ** 32 - 1,
  maxExpression: 500,
} as const;

export const DEFAULT_DOMAIN: [number, number, number, number] = [-3, 3, -3, 3];

/** What a scenario file that leaves out `steps` or `noise` (or a part of it) gets. */
export const DEFAULT_STEPS = 200;
export const DEFAULT_NOISE: Readonly<{ sigma: number; seed: number }> = { sigma: 0, seed: 1 };
