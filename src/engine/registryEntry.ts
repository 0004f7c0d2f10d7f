import type { ParamSpec } from './params.ts';

/**
 * What every optimizer and schedule says about itself; the UI (picker, sliders, the rule card)
 * is generated from it.
 */
export interface RegistryEntry {
  /** Stable id stored in scenarios and links: 'adamw', or torch's class name 'CosineAnnealingLR'. */
  id: string;
  /** Display name, e.g. 'AdamW'. */
  label: string;
  /** The reference it matches, e.g. 'torch.optim.AdamW' or 'Lion (Chen et al. 2023)'. */
  reference: string;
  /** The update rule in one or two lines (plain text / light LaTeX), shown in the UI. */
  rule: string;
  /** One sentence from the course material: what it is for. */
  summary: string;
  params: readonly ParamSpec[];
}
