import type { ParamValues } from '../params.ts';

/**
 * OneCycleLR's phase table and phase search, as torch 1.13 builds them (float end steps and all),
 * so the lr and momentum agree with torch and check() can find the spans torch divides by zero.
 */

export interface Phase {
  endStep: number;
  lr: readonly [number, number];
  momentum: readonly [number, number];
}

export function phasesOf(p: ParamValues, total: number): Phase[] {
  const pct = p.pct_start as number;
  const maxLr = p.max_lr as number;
  const initialLr = maxLr / (p.div_factor as number);
  const minLr = initialLr / (p.final_div_factor as number);
  const baseM = p.base_momentum as number;
  const maxM = p.max_momentum as number;
  if (p.three_phase)
    return [
      { endStep: pct * total - 1, lr: [initialLr, maxLr], momentum: [maxM, baseM] },
      { endStep: 2 * pct * total - 2, lr: [maxLr, initialLr], momentum: [baseM, maxM] },
      { endStep: total - 1, lr: [initialLr, minLr], momentum: [maxM, maxM] },
    ];
  return [
    { endStep: pct * total - 1, lr: [initialLr, maxLr], momentum: [maxM, baseM] },
    { endStep: total - 1, lr: [maxLr, minLr], momentum: [baseM, maxM] },
  ];
}

/** torch's phase search for one step: the phase, where it started, and the span it divides by. */
export function locate(phases: readonly Phase[], stepNum: number) {
  let startStep = 0;
  for (let i = 0; ; i++) {
    const phase = phases[i];
    if (stepNum <= phase.endStep || i === phases.length - 1)
      return { phase, startStep, span: phase.endStep - startStep };
    startStep = phase.endStep;
  }
}

export const annealCos = (start: number, end: number, pct: number) =>
  end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);
export const annealLinear = (start: number, end: number, pct: number) =>
  (end - start) * pct + start;
