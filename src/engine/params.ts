/**
 * Parameter descriptions: one table per optimizer or schedule that drives validation, the
 * generated UI (sliders, toggles, tooltips) and "Copy as PyTorch". Names and defaults are
 * PyTorch's.
 */
export type ParamValue = number | boolean | readonly number[] | string | null;

interface ParamBase {
  /** PyTorch's keyword, e.g. `weight_decay`. */
  name: string;
  /** Short label for the UI, e.g. "weight decay". */
  label: string;
  /** One sentence that explains the parameter, shown as a tooltip. */
  help: string;
  /** Only a network has what it acts on (Muon's AdamW partner): no control on a surface. */
  networkOnly?: boolean;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  /** null only where `nullable` (e.g. OneCycleLR total_steps: null = the run's length). */
  default: number | null;
  /** Inclusive bounds that validation enforces (PyTorch's own checks, plus sanity). */
  min: number;
  max: number;
  /** Bounds for the UI slider, inside [min, max]. */
  sliderMin?: number;
  sliderMax?: number;
  /** Log-scaled slider (learning rates, eps). */
  log?: boolean;
  /** Must be a whole number (step counts). */
  integer?: boolean;
  /** Whether min / max are exclusive (lr > 0, beta < 1). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  /** null allowed (e.g. OneCycleLR total_steps defaults to the run length). */
  nullable?: boolean;
  /**
   * What null means when it is not the run's length (LBFGS's max_eval: None is max_iter × 5 // 4),
   * and the value the control starts from when the user turns null off.
   */
  nullMeans?: { text: string; value: number };
}

/** The optional parts of a number parameter: slider range, log slider, whole numbers, bounds' kind. */
export type NumberParamExtra = Partial<
  Omit<NumberParam, 'kind' | 'name' | 'label' | 'help' | 'default' | 'min' | 'max'>
>;

/** A number parameter: its keyword, label, tooltip, default and the bounds validation enforces. */
export function numberParam(
  name: string,
  label: string,
  help: string,
  def: number | null,
  min: number,
  max: number,
  extra: NumberParamExtra = {},
): NumberParam {
  return { kind: 'number', name, label, help, default: def, min, max, ...extra };
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

/** A fixed-length tuple of numbers, e.g. Adam's `betas`. */
export interface TupleParam extends ParamBase {
  kind: 'tuple';
  default: readonly number[];
  min: number;
  max: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  /** Labels for each element, e.g. ['β1', 'β2']. */
  itemLabels: readonly string[];
  sliderMin?: number;
  sliderMax?: number;
}

/** A variable-length sorted list of integers, e.g. MultiStepLR's `milestones`. */
export interface ListParam extends ParamBase {
  kind: 'list';
  default: readonly number[];
  min: number;
  max: number;
  maxLength: number;
  integer?: boolean;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  /** null is Python's None where torch takes it (LBFGS's line_search_fn). */
  default: string | null;
  choices: readonly (string | null)[];
}

export type ParamSpec = NumberParam | BooleanParam | TupleParam | ListParam | ChoiceParam;

export type ParamValues = Record<string, ParamValue>;
