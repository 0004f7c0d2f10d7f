import type { OptimizerDef } from '../optimizer.ts';
import { stateLike } from './paramState.ts';
import { betasParam, DECOUPLED_HELP, lrParam, weightDecayParam } from './commonParams.ts';
import { runningAvg } from './torchOps.ts';

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), in the order of the
 * paper's Program 1 and the lion-pytorch reference:
 *   w ← w·(1 − ηλ);  c = β1m + (1−β1)g;  w ← w − η·sign(c);  m ← β2m + (1−β2)g   (sign(0) = 0)
 * The interpolations are torch's `mul_(β).add_(g, alpha=1 − β)` (torchOps.ts).
 */
export const lion: OptimizerDef = {
  id: 'lion',
  label: 'Lion',
  reference: 'Lion (Chen et al. 2023)',
  rule: 'c = β1m + (1−β1)g;  w ← w − η·sign(c);  m ← β2m + (1−β2)g',
  summary:
    'Moves every weight by exactly ±lr along the sign of an interpolated momentum: step lengths ignore the gradient’s scale entirely, so it crosses plateaus as fast as steep slopes but rattles at the bottom of ravines.',
  params: [
    lrParam(1e-4),
    betasParam(
      [0.9, 0.99],
      'β1 blends momentum and the current gradient to choose the step’s sign; β2 is how slowly the momentum itself forgets (the paper uses β2 > β1).',
    ),
    weightDecayParam(DECOUPLED_HELP),
  ],
  cycledMomentum: 'beta1',
  create(groups) {
    const expAvg = stateLike(groups);
    let stepped = false;
    return {
      step() {
        let j = 0;
        for (const group of groups) {
          const { lr, weight_decay: wd } = group as unknown as Record<string, number>;
          const betas = group.betas as readonly number[];
          const beta1 = betas[0];
          const beta2 = betas[1];
          const shrink = 1 - lr * wd;
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: w, grad } = group.params[pi];
            const m = expAvg[j];
            for (let i = 0; i < w.length; i++) {
              if (wd !== 0) w[i] = w[i] * shrink;
              const c = runningAvg(m[i], grad[i], beta1);
              w[i] = w[i] - lr * Math.sign(c);
              m[i] = runningAvg(m[i], grad[i], beta2);
            }
          }
        }
        stepped = true;
      },
      momentum: (i) => (stepped ? expAvg[i] : null),
    };
  },
};
