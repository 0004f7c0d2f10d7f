import { numberParam, type NumberParam } from '../params.ts';

/** Parameter descriptions shared by several schedules; each schedule sets its own default. */
export const gammaParam = (def: number, help: string): NumberParam =>
  // torch does not check gamma; negative factors would flip the lr's sign.
  numberParam('gamma', 'gamma', help, def, 0, 10, { sliderMin: 0, sliderMax: 1 });

export const etaMinParam = (help: string): NumberParam =>
  numberParam('eta_min', 'eta_min', help, 0, 0, 1e6, { sliderMin: 0, sliderMax: 1 });

/**
 * A run-length parameter that may be null, meaning "the run's steps" (what a user expects when
 * they leave T_max or total_steps empty; torch itself has no default for them).
 */
export const runLengthParam = (name: string, label: string, help: string, min = 1): NumberParam =>
  numberParam(name, label, `${help} Empty = the run's number of steps.`, null, min, 1e6, {
    nullable: true,
    sliderMin: Math.max(min, 1),
    sliderMax: 1000,
    integer: true,
  });

/** The value of a run-length parameter: null resolves to the run's steps. */
export const orSteps = (value: unknown, steps: number): number =>
  value === null || value === undefined ? steps : (value as number);
