import { learningRateParam } from '../learningRate.ts';
import {
  numberParam,
  type BooleanParam,
  type NumberParam,
  type ParamSpec,
  type TupleParam,
} from '../params.ts';

/** Parameter descriptions shared by several optimizers; each optimizer sets its own default. */
export const lrParam = (def: number): NumberParam =>
  learningRateParam(
    'lr',
    'learning rate',
    'Step size: how far each update moves the weights. Too small crawls, too large overshoots and diverges.',
    def,
  );

export const weightDecayParam = (help: string, def = 0): NumberParam =>
  numberParam('weight_decay', 'weight decay', help, def, 0, 1e3, { sliderMin: 0, sliderMax: 1 });

export const epsParam = (def: number): NumberParam =>
  numberParam(
    'eps',
    'eps',
    'Added to the denominator so a tiny second moment cannot blow the step up.',
    def,
    0,
    1,
    { sliderMin: 1e-12, sliderMax: 1, log: true },
  );

const ADAM_BETAS_HELP =
  'Decay rates of the running averages: β1 for the gradient (momentum), β2 for its square (per-weight scale).';

export const betasParam = (def: readonly [number, number], help = ADAM_BETAS_HELP): TupleParam => ({
  kind: 'tuple',
  name: 'betas',
  label: 'betas',
  help,
  default: def,
  min: 0,
  max: 1,
  exclusiveMax: true,
  itemLabels: ['β1', 'β2'],
  sliderMin: 0,
  sliderMax: 0.9999,
});

/**
 * lr, betas, eps and weight_decay with the defaults torch's Adam family shares (betas
 * (0.9, 0.999), eps 1e-8, no decay); the lr default differs per optimizer, as in torch.
 */
export const adamFamilyParams = (
  lr: number,
  weightDecay: NumberParam = weightDecayParam(L2_HELP),
): ParamSpec[] => [lrParam(lr), betasParam([0.9, 0.999]), epsParam(1e-8), weightDecay];

export const L2_HELP =
  'L2 penalty added to the gradient (g + λ·w), as torch does for this optimizer: it is rescaled with the gradient.';
export const DECOUPLED_HELP =
  'Decoupled decay: the weights shrink by lr·λ each step, separate from the gradient-based update (AdamW).';

/** torch's `momentum` keyword (SGD, RMSprop): the fraction of the velocity kept each step. */
export const momentumParam = (help: string): NumberParam =>
  numberParam('momentum', 'momentum', help, 0, 0, 1, { sliderMin: 0, sliderMax: 0.999 });

/** A decay rate in [0, 1] such as RMSprop's alpha or Adadelta's rho. */
export const decayRateParam = (
  name: string,
  label: string,
  def: number,
  help: string,
): NumberParam => numberParam(name, label, help, def, 0, 1, { sliderMin: 0, sliderMax: 0.9999 });

export const amsgradParam: BooleanParam = {
  kind: 'boolean',
  name: 'amsgrad',
  label: 'AMSGrad',
  help: 'Divide by the largest second moment seen so far instead of the current one, so the per-weight step size can never grow back (Reddi et al. 2018).',
  default: false,
};
