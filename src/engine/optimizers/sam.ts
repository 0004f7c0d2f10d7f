import { byId } from '../byId.ts';
import type { OptimizerDef } from '../optimizer.ts';
import { ownEntry } from '../ownEntry.ts';
import type { ChoiceParam, NumberParam, ParamSpec } from '../params.ts';
import { sumSquares } from '../tensor.ts';
import { FIRST_ORDER_OPTIMIZERS } from './firstOrder.ts';
import { stateLike } from './paramState.ts';

/** SAM's epsilon in ρ/(‖g‖ + ε), as in its reference implementation (davda54/sam). */
const SAM_NORM_EPS = 1e-12;

/** SAM's possible base optimizers: every gradient-only one, by id. */
const BASES = byId(FIRST_ORDER_OPTIMIZERS);
const DEFAULT_BASE = 'sgd';

const rhoParam: NumberParam = {
  kind: 'number',
  name: 'rho',
  label: 'rho',
  help: 'Radius of the neighbourhood SAM looks across: it takes the gradient at the worst point this far uphill, so it prefers wide, flat valleys over sharp ones.',
  default: 0.05,
  min: 0,
  max: 1e3,
  sliderMin: 0,
  sliderMax: 1,
};

const baseParam: ChoiceParam = {
  kind: 'choice',
  name: 'base',
  label: 'base optimizer',
  help: 'The optimizer that takes the actual step, fed with SAM’s gradient; its own parameters follow.',
  default: DEFAULT_BASE,
  choices: FIRST_ORDER_OPTIMIZERS.map((o) => o.id),
};

/** The base optimizer named by raw values, falling back to the default base when it is not one. */
function baseOf(raw: Readonly<Record<string, unknown>>): OptimizerDef {
  return ownEntry(BASES, raw.base) ?? BASES[DEFAULT_BASE];
}

const specsFor = (raw: Readonly<Record<string, unknown>>): readonly ParamSpec[] => [
  rhoParam,
  baseParam,
  ...baseOf(raw).params,
];

/**
 * SAM, sharpness-aware minimization (Foret et al. 2021), as in the widely used reference
 * implementation (davda54/sam):
 *   e = ρ·g/(‖g‖₂ + 1e−12);  g_sam = ∇f(w + e);  w ← base optimizer's step at w with g_sam
 * Its parameters are rho, base, then the base optimizer's own, flat in one object (the group the
 * base instance also reads); weight decay, if any, is the base's. Like davda54's `step(closure)`:
 * ascend, re-evaluate through the closure, restore, then the base's step.
 */
export const sam: OptimizerDef = {
  id: 'sam',
  label: 'SAM',
  reference: 'SAM (Foret et al. 2021)',
  rule: 'e = ρ·g/‖g‖;  w ← base step at w with ∇f(w + e)',
  summary:
    'Steps with the gradient from a point ρ uphill, so it minimizes the worst loss in a neighbourhood: it avoids sharp minima and settles in wide, flat basins.',
  params: specsFor({}),
  specsFor,
  cycledMomentum: BASES[DEFAULT_BASE].cycledMomentum,
  cycledMomentumFor: (params) => baseOf(params).cycledMomentum,
  check(params) {
    const base = baseOf(params);
    return base.check ? base.check(params) : null;
  },
  create(groups, curvature) {
    // The base sees the same groups: its hyperparameters sit flat beside rho and base.
    const base = baseOf(groups[0]).create(groups, curvature);
    const saved = stateLike(groups);
    return {
      step(closure) {
        // ‖g‖ as davda54/sam's _grad_norm: the norm of the per-tensor norms.
        let sq = 0;
        for (const group of groups)
          for (const p of group.params) {
            const n = Math.sqrt(sumSquares(p.grad));
            sq += n * n;
          }
        const norm = Math.sqrt(sq);
        let j = 0;
        for (const group of groups) {
          // `rho / tensor` is `tensor.reciprocal() * rho` in torch.
          const scale = (1 / (norm + SAM_NORM_EPS)) * (group.rho as number);
          for (const p of group.params) {
            const w = p.data;
            const old = saved[j++];
            for (let i = 0; i < w.length; i++) {
              old[i] = w[i];
              w[i] = w[i] + p.grad[i] * scale;
            }
          }
        }
        // The gradient at the ascent point w + e (same mini-batch), then the base's step from w.
        closure();
        j = 0;
        for (const group of groups) for (const p of group.params) p.data.set(saved[j++]);
        base.step(closure);
      },
      momentum: base.momentum,
      sidePaths: base.sidePaths,
    };
  },
};
