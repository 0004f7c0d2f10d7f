import type { OptimizerDef } from '../optimizer.ts';
import { numberParam } from '../params.ts';
import { absMax, absSum, dot, FlatParams } from './flatParams.ts';
import { StrongWolfe } from './strongWolfe.ts';

/**
 * torch.optim.LBFGS (lbfgs.py; the same rules in torch 1.13 and 2.x), limited-memory BFGS after
 * minFunc. One `step(closure)` runs up to max_iter iterations, each
 *   d = −H·g  (two-loop recursion over the last history_size pairs s = t·d, y = Δg, kept when
 *   yᵀs > 1e-10, with H₀ = yᵀs/yᵀy);  w ← w + t·d
 * where t = lr (the very first iteration: min(1, 1/‖g‖₁)·lr), or the strong-Wolfe line search's
 * step from there. It stops early when max|g| ≤ tolerance_grad, the step or the loss change is
 * below tolerance_change, or max_eval closure evaluations are spent.
 */
export const lbfgs: OptimizerDef = {
  id: 'lbfgs',
  label: 'L-BFGS',
  reference: 'torch.optim.LBFGS',
  rule: 'd = −H_k·g (two-loop recursion over the last m (s, y));  w ← w + t·d, up to max_iter times a step',
  summary:
    'A quasi-Newton method: it builds a curvature model from the last few steps and jumps along it, evaluating the loss many times inside one step (hollow dots). Few, long, well-aimed steps — on a smooth full-batch problem it finishes where first-order methods are still on their way.',
  params: [
    numberParam(
      'lr',
      'learning rate',
      'The step length t along each quasi-Newton direction (without a line search), or the line search’s first trial step.',
      1,
      0,
      1e3,
      { exclusiveMin: true, sliderMin: 1e-3, sliderMax: 2, log: true },
    ),
    numberParam(
      'max_iter',
      'max iterations',
      'How many quasi-Newton iterations one optimizer.step(closure) may run: each is a full move of the weights.',
      20,
      1,
      1000,
      { integer: true, sliderMin: 1, sliderMax: 50 },
    ),
    numberParam(
      'max_eval',
      'max evaluations',
      'The most closure evaluations one step may make (None: max_iter × 5 // 4, as torch).',
      null,
      1,
      10000,
      {
        integer: true,
        nullable: true,
        nullMeans: { text: 'max_iter × 5 // 4, as torch', value: 25 },
        sliderMin: 1,
        sliderMax: 100,
      },
    ),
    numberParam(
      'tolerance_grad',
      'gradient tolerance',
      'The step ends once every gradient component is at most this large: the weights count as converged.',
      1e-7,
      0,
      1e3,
      { sliderMin: 1e-12, sliderMax: 1, log: true },
    ),
    numberParam(
      'tolerance_change',
      'change tolerance',
      'The step ends once the loss or the weights change by less than this between iterations.',
      1e-9,
      0,
      1e3,
      { sliderMin: 1e-12, sliderMax: 1, log: true },
    ),
    numberParam(
      'history_size',
      'history size',
      'How many recent (step, gradient change) pairs form the curvature model: more remembers more of the landscape’s shape.',
      100,
      1,
      1000,
      { integer: true, sliderMin: 1, sliderMax: 100 },
    ),
    {
      kind: 'choice',
      name: 'line_search_fn',
      label: 'line search',
      help: 'None moves a fixed lr along each direction; "strong_wolfe" searches along it for a step that lowers the loss enough and flattens the slope (strong Wolfe conditions).',
      default: null,
      choices: [null, 'strong_wolfe'],
    },
  ],
  cycledMomentum: null,
  usesClosure: true,
  create(groups) {
    // torch raises ValueError; the lab's runs always have one group.
    if (groups.length !== 1)
      throw new Error("LBFGS doesn't support per-parameter options (parameter groups)");
    const group = groups[0];
    const flat = new FlatParams(group.params);
    const n = flat.n;
    const historySize = group.history_size as number;
    const vec = () => new Float64Array(n);
    const flatGrad = vec();
    const prevFlatGrad = vec();
    const d = vec();
    const y = vec();
    const s = vec();
    const xInit = vec();
    // The history as a ring of history_size (y, s) pairs, oldest at `first`.
    const oldDirs = Array.from({ length: historySize }, vec);
    const oldStps = Array.from({ length: historySize }, vec);
    const ro = new Float64Array(historySize);
    const al = new Float64Array(historySize);
    let first = 0;
    let count = 0;
    let hDiag = 1;
    let t = 0;
    let nIterTotal = 0;
    const search = new StrongWolfe(n);
    let closure: () => number = () => 0;
    const evaluate = (step: number, dir: Float64Array, g: Float64Array): number => {
      flat.addScaled(step, dir);
      const loss = closure();
      flat.gatherGrad(g);
      flat.setData(xInit);
      return loss;
    };
    const slot = (i: number) => (first + i) % historySize;

    return {
      step(c) {
        closure = c;
        const lr = group.lr;
        const maxIter = group.max_iter as number;
        const maxEval = (group.max_eval as number | null) ?? Math.floor((maxIter * 5) / 4);
        const tolGrad = group.tolerance_grad as number;
        const tolChange = group.tolerance_change as number;
        const lineSearch = group.line_search_fn === 'strong_wolfe';

        let loss = closure();
        let currentEvals = 1;
        flat.gatherGrad(flatGrad);
        let optCond = absMax(flatGrad) <= tolGrad;
        if (optCond) return;

        let nIter = 0;
        while (nIter < maxIter) {
          nIter++;
          nIterTotal++;
          if (nIterTotal === 1) {
            for (let i = 0; i < n; i++) d[i] = -flatGrad[i];
            count = 0;
            first = 0;
            hDiag = 1;
          } else {
            for (let i = 0; i < n; i++) {
              y[i] = flatGrad[i] - prevFlatGrad[i];
              s[i] = d[i] * t;
            }
            const ys = dot(y, s);
            if (ys > 1e-10) {
              if (count === historySize) {
                first = (first + 1) % historySize;
                count--;
              }
              const k = slot(count);
              oldDirs[k].set(y);
              oldStps[k].set(s);
              ro[k] = 1 / ys;
              count++;
              hDiag = ys / dot(y, y);
            }
            // Two-loop recursion in one buffer: q ← −g, then d = H₀q corrected pair by pair.
            for (let i = 0; i < n; i++) d[i] = -flatGrad[i];
            for (let i = count - 1; i >= 0; i--) {
              const k = slot(i);
              al[k] = dot(oldStps[k], d) * ro[k];
              const dir = oldDirs[k];
              for (let j = 0; j < n; j++) d[j] = d[j] + -al[k] * dir[j];
            }
            for (let j = 0; j < n; j++) d[j] = d[j] * hDiag;
            for (let i = 0; i < count; i++) {
              const k = slot(i);
              const be = dot(oldDirs[k], d) * ro[k];
              const stp = oldStps[k];
              for (let j = 0; j < n; j++) d[j] = d[j] + (al[k] - be) * stp[j];
            }
          }
          prevFlatGrad.set(flatGrad);
          const prevLoss = loss;

          t = nIterTotal === 1 ? Math.min(1, 1 / absSum(flatGrad)) * lr : lr;
          const gtd = dot(flatGrad, d);
          if (gtd > -tolChange) break;

          let lsEvals = 0;
          if (lineSearch) {
            flat.gatherData(xInit);
            const r = search.search(evaluate, t, d, loss, flatGrad, gtd, tolChange);
            loss = r.loss;
            t = r.t;
            lsEvals = r.evaluations;
            flatGrad.set(search.g);
            flat.addScaled(t, d);
            optCond = absMax(flatGrad) <= tolGrad;
          } else {
            flat.addScaled(t, d);
            // torch skips the evaluation after the last iteration (the next step makes it).
            if (nIter !== maxIter) {
              loss = closure();
              flat.gatherGrad(flatGrad);
              optCond = absMax(flatGrad) <= tolGrad;
              lsEvals = 1;
            }
          }
          currentEvals += lsEvals;

          if (nIter === maxIter) break;
          if (currentEvals >= maxEval) break;
          if (optCond) break;
          let moved = 0;
          for (let i = 0; i < n; i++) moved = Math.max(moved, Math.abs(d[i] * t));
          if (moved <= tolChange) break;
          if (Math.abs(loss - prevLoss) < tolChange) break;
        }
      },
    };
  },
};
