import type { ScenarioRun } from '../scenario/scenario.ts';

/** Eight run colours, distinct on the dark background and against viridis. */
export const PALETTE = [
  '#ff7f50',
  '#4fc3f7',
  '#f06292',
  '#ffd54f',
  '#ba68c8',
  '#ffffff',
  '#ff5252',
  '#80cbc4',
] as const;

export const runColor = (run: ScenarioRun, i: number): string =>
  run.color ?? PALETTE[i % PALETTE.length];

export { runLabel } from '../scenario/runLabel.ts';
