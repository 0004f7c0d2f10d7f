import { numberParam, type NumberParam } from './params.ts';

/**
 * A learning-rate parameter, an optimizer's `lr` or a schedule's peak: torch needs it positive,
 * and useful values span orders of magnitude, so its slider is logarithmic.
 */
export const learningRateParam = (
  name: string,
  label: string,
  help: string,
  def: number,
): NumberParam =>
  numberParam(name, label, help, def, 0, 1e6, {
    exclusiveMin: true,
    sliderMin: 1e-5,
    sliderMax: 10,
    log: true,
  });
