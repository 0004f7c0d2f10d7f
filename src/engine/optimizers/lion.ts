import type { OptimizerDef } from '../optimizer.ts';
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
  run(loop, group) {
    const { p, g } = loop;
    const expAvg = new Float64Array(2);
    while (loop.next(expAvg)) {
      const { lr, weight_decay: wd } = group as Record<string, number>;
      const [beta1, beta2] = group.betas as readonly number[];
      const shrink = 1 - lr * wd;
      for (let i = 0; i < 2; i++) {
        if (wd !== 0) p[i] = p[i] * shrink;
        const c = runningAvg(expAvg[i], g[i], beta1);
        p[i] = p[i] - lr * Math.sign(c);
        expAvg[i] = runningAvg(expAvg[i], g[i], beta2);
      }
    }
  },
};
