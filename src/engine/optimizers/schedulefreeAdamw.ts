import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { betasParam, epsParam, lrParam, weightDecayParam } from './commonParams.ts';
import { stateLike } from './paramState.ts';
import { biasCorrection, lerp, runningSqAvg } from './torchOps.ts';

/**
 * Schedule-Free AdamW (Defazio et al. 2024, "The Road Less Scheduled"), as
 * facebookresearch/schedule_free's `AdamWScheduleFree` in train mode. Three sequences: z takes
 * plain normalised-gradient steps, x is a weighted running average of z, and the gradient is
 * taken at y, between them. The weights torch holds while training are y, so y is this run's
 * path and x (what `optimizer.eval()` switches to) a side path. At step k (from 0):
 *   η_k = lr·min(1, (k+1)/warmup_steps);  c = w_k/Σw,  w_k = (k+1)^r·max_j η_j^weight_lr_power
 *   v ← β2v + (1−β2)g²;  u = g/(√(v/(1−β2^(k+1))) + ε) + λy
 *   y ← lerp(y, z, c) + η_k(β1(1−c) − 1)·u;  z ← z − η_k·u;   x = lerp(y, z, 1 − 1/β1)
 * No learning-rate schedule is needed: the averaging does what annealing would.
 */
export const schedulefreeAdamw: OptimizerDef = {
  id: 'schedulefree_adamw',
  label: 'Schedule-Free AdamW',
  reference: 'Schedule-Free AdamW (Defazio et al. 2024)',
  rule: 'z ← z − η·u;  x ← (1−c)x + c·z;  gradient at y = (1−β1)z + β1x',
  summary:
    'AdamW without a learning-rate schedule: it steps a fast sequence z, keeps a running average x of it (dashed path, the weights you evaluate), and takes gradients at a point y between the two (solid path). The average settles where a decaying schedule would have taken the run.',
  params: [
    lrParam(0.0025),
    betasParam(
      [0.9, 0.999],
      'β1 sets where the gradient is taken between the average x and the fast sequence z (y = (1−β1)z + β1x); β2 is the decay of the squared-gradient average, as in Adam.',
    ),
    epsParam(1e-8),
    weightDecayParam(
      'Decay evaluated at y and added to the normalised gradient (λy in u), as in the reference code.',
    ),
    numberParam(
      'warmup_steps',
      'warmup steps',
      'Linear warmup of lr over this many steps (its only schedule); 0 = none.',
      0,
      0,
      1e6,
      { integer: true, sliderMin: 0, sliderMax: 200 },
    ),
    numberParam(
      'r',
      'r',
      'Averaging weights grow as (k+1)^r: 0 is a uniform average of z, larger values favour recent iterates.',
      0,
      0,
      100,
      { sliderMin: 0, sliderMax: 5 },
    ),
    numberParam(
      'weight_lr_power',
      'weight lr power',
      'Averaging weights also scale with max lr so far to this power, so warmup steps (small lr) count less.',
      2,
      0,
      100,
      { sliderMin: 0, sliderMax: 4 },
    ),
  ],
  cycledMomentum: null,
  package: {
    pip: 'schedulefree',
    importLine: 'from schedulefree import AdamWScheduleFree',
    className: 'AdamWScheduleFree',
    afterConstruct: 'optimizer.train()  # Schedule-Free: train mode (y); optimizer.eval() gives x',
  },
  create(groups) {
    const z = stateLike(groups);
    const expAvgSq = stateLike(groups);
    const x = stateLike(groups);
    const params = groups.flatMap((g) => g.params);
    const groupOf = groups.flatMap((g) => g.params.map(() => g));
    // Per group, as the reference keeps them in the param_group.
    const k = new Float64Array(groups.length);
    const weightSum = new Float64Array(groups.length);
    const lrMax = new Float64Array(groups.length).fill(-1);
    let started = false;
    // x from y (the weights) and z, as optimizer.eval() computes it.
    const readX = (i: number): Float64Array => {
      const y = params[i].data;
      const zi = z[i];
      const xi = x[i];
      const beta1 = (groupOf[i].betas as readonly number[])[0];
      for (let e = 0; e < y.length; e++) xi[e] = lerp(y[e], zi[e], 1 - 1 / beta1);
      return xi;
    };
    return {
      step() {
        if (!started) for (let i = 0; i < params.length; i++) z[i].set(params[i].data);
        started = true;
        let j = 0;
        groups.forEach((group, gi) => {
          const [beta1, beta2] = group.betas as readonly number[];
          const {
            eps,
            weight_decay: decay,
            warmup_steps: warmup,
            r,
            weight_lr_power: power,
          } = group as unknown as Record<string, number>;
          const kk = k[gi];
          const sched = kk < warmup ? (kk + 1) / warmup : 1;
          const bc2 = biasCorrection(beta2, kk + 1);
          const lr = group.lr * sched;
          lrMax[gi] = Math.max(lr, lrMax[gi]);
          const weight = Math.pow(kk + 1, r) * Math.pow(lrMax[gi], power);
          weightSum[gi] = weightSum[gi] + weight;
          // Python's ZeroDivisionError branch in the reference: no averaging weight yet.
          const ckp1 = weightSum[gi] === 0 ? 0 : weight / weightSum[gi];
          const yStep = lr * (beta1 * (1 - ckp1) - 1);
          for (let pi = 0; pi < group.params.length; pi++, j++) {
            const { data: y, grad } = group.params[pi];
            const zj = z[j];
            const v = expAvgSq[j];
            for (let i = 0; i < y.length; i++) {
              v[i] = runningSqAvg(v[i], grad[i], beta2);
              let u = grad[i] / (Math.sqrt(v[i] / bc2) + eps);
              if (decay !== 0) u = decay * y[i] + u;
              y[i] = lerp(y[i], zj[i], ckp1);
              y[i] = y[i] + yStep * u;
              zj[i] = zj[i] - lr * u;
            }
          }
          k[gi] = kk + 1;
        });
      },
      sidePaths: [{ id: 'x', label: 'Schedule-Free average x', read: readX }],
    };
  },
};
