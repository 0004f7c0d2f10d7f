import { describe, expect, it } from 'vitest';
import { surfaceObjective } from '../../../src/engine/surfaceObjective.ts';
import { OPTIMIZERS } from '../../../src/engine/optimizers/index.ts';
import { runOptimizer } from '../../../src/engine/run.ts';
import { defaultParams, resolveParams } from '../../../src/engine/validateParams.ts';
import { makeDataset } from '../../../src/surfaces/catalog/data/dataset.ts';
import { EpochShuffle } from '../../../src/surfaces/catalog/data/epochShuffle.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';

const s = SURFACES.logistic;
const base = defaultParams(s.params);

describe('logistic regression surface', () => {
  it('f is the mean binary cross-entropy of the dataset plus the L2 term', () => {
    const params = { ...base, n_points: 10, l2: 0.3 };
    const obj = s.create(params, { seed: 0 });
    const d = makeDataset(10, base.separation as number, base.data_seed as number);
    const [w1, w2] = [0.7, -1.3];
    let ce = 0;
    for (let i = 0; i < 10; i++) {
      // −log p(yᵢ | xᵢ) with p(y = 1) = σ(w·x), labels ±1.
      const p1 = 1 / (1 + Math.exp(-(w1 * d.x1[i] + w2 * d.x2[i])));
      ce -= Math.log(d.label[i] > 0 ? p1 : 1 - p1);
    }
    expect(obj.f(w1, w2)).toBeCloseTo(ce / 10 + 0.15 * (w1 * w1 + w2 * w2), 12);
  });

  it('the dataset is balanced, seeded and reproducible', () => {
    const a = makeDataset(64, 2, 7);
    const b = makeDataset(64, 2, 7);
    const c = makeDataset(64, 2, 8);
    expect(a).toEqual(b);
    expect(a.x1).not.toEqual(c.x1);
    expect([...a.label].filter((y) => y === 1).length).toBe(32);
  });

  it('is finite far out (no overflow in log(1 + e^z))', () => {
    const obj = s.create({ ...base, separation: 6, l2: 0 }, { seed: 0 });
    const g = new Float64Array(2);
    for (const [x, y] of [
      [1e3, -1e3],
      [-1e3, 1e3],
    ]) {
      expect(Number.isFinite(obj.f(x, y))).toBe(true);
      obj.grad(x, y, g);
      expect(g.every(Number.isFinite)).toBe(true);
    }
  });

  describe('mini-batches', () => {
    const grad = (obj: ReturnType<typeof s.create>, t: number | null, x = 0.4, y = -0.9) => {
      const out = new Float64Array(2);
      if (t === null) obj.grad(x, y, out);
      else obj.stochasticGrad!(x, y, t, out);
      return [...out];
    };

    for (const [n, bs] of [
      [64, 8],
      [50, 8],
      [37, 1],
      [20, 20],
    ])
      it(`the size-weighted mean of one epoch's batch gradients is the full gradient (n=${n}, batch=${bs})`, () => {
        const obj = s.create({ ...base, n_points: n, batch_size: bs, l2: 0.05 }, { seed: 42 });
        const batches = Math.ceil(n / bs);
        for (const epoch of [0, 3]) {
          let g1 = 0;
          let g2 = 0;
          for (let k = 0; k < batches; k++) {
            const size = Math.min(bs, n - k * bs); // DataLoader: the last batch is the remainder
            const [a, b] = grad(obj, epoch * batches + k);
            g1 += (size / n) * a;
            g2 += (size / n) * b;
          }
          const [f1, f2] = grad(obj, null);
          expect(g1).toBeCloseTo(f1, 13);
          expect(g2).toBeCloseTo(f2, 13);
          // When the batch size divides n, the plain mean over the epoch is the full gradient.
          if (n % bs === 0) {
            let m1 = 0;
            for (let k = 0; k < batches; k++) m1 += grad(obj, epoch * batches + k)[0] / batches;
            expect(m1).toBeCloseTo(f1, 13);
          }
        }
      });

    it('a single batch differs from the full gradient (the noise is real)', () => {
      const obj = s.create(base, { seed: 42 });
      expect(grad(obj, 0)).not.toEqual(grad(obj, null));
    });

    it('a batch as large as the dataset gives the full gradient', () => {
      const obj = s.create({ ...base, n_points: 30, batch_size: 512 }, { seed: 9 });
      const [f1, f2] = grad(obj, null);
      for (const t of [0, 1, 5]) {
        const [a, b] = grad(obj, t);
        expect(a).toBeCloseTo(f1, 14);
        expect(b).toBeCloseTo(f2, 14);
      }
    });

    it('the same seed gives the same batches, in any call order; another seed others', () => {
      const a = s.create(base, { seed: 5 });
      const b = s.create(base, { seed: 5 });
      const c = s.create(base, { seed: 6 });
      const ts = [0, 1, 2, 7, 8, 9, 30, 100];
      const forward = ts.map((t) => grad(a, t));
      const backward = [...ts]
        .reverse()
        .map((t) => grad(b, t))
        .reverse();
      expect(backward).toEqual(forward);
      expect(grad(a, 3)).toEqual(grad(a, 3)); // SAM's two calls in one step share the batch
      expect(ts.map((t) => grad(c, t))).not.toEqual(forward);
    });

    it('each epoch is a fresh permutation covering every example exactly once', () => {
      const sh = new EpochShuffle(23, 5, 1234);
      expect(sh.batchesPerEpoch).toBe(5);
      const epochs: number[][] = [];
      for (let e = 0; e < 3; e++) {
        const seen: number[] = [];
        for (let k = 0; k < 5; k++) {
          sh.select(e * 5 + k);
          expect(sh.end - sh.start).toBe(k < 4 ? 5 : 3);
          for (let i = sh.start; i < sh.end; i++) seen.push(sh.order[i]);
        }
        expect([...seen].sort((x, y) => x - y)).toEqual([...Array(23).keys()]);
        epochs.push(seen);
      }
      expect(epochs[1]).not.toEqual(epochs[0]);
      expect(epochs[2]).not.toEqual(epochs[1]);
    });
  });

  it('SGD on it follows mini-batch gradients: runs differ from full-batch GD but both approach the minimum', () => {
    const params = { ...base, batch_size: 4 };
    const [min] = s.criticalPoints(params);
    const run = (objSeed: number, stochastic: boolean) => {
      const full = s.create(params, { seed: objSeed });
      const obj = stochastic ? full : { f: full.f, grad: full.grad, hess: full.hess };
      const r = runOptimizer(surfaceObjective(obj), {
        optimizer: OPTIMIZERS.sgd,
        params: resolveParams(OPTIMIZERS.sgd.params, { lr: 0.3 }, 'p'),
        schedule: null,
        start: s.start(params),
        steps: 2000,
        noise: { sigma: 0, seed: 0 },
        swa: { start: 1000 },
      });
      return r;
    };
    const gd = run(1, false);
    const sgd = run(1, true);
    const again = run(1, true);
    expect(sgd.trajectory).toEqual(again.trajectory);
    expect(sgd.trajectory).not.toEqual(gd.trajectory);
    const last = (a: Float64Array) => [a[a.length - 2], a[a.length - 1]];
    const [gx, gy] = last(gd.trajectory);
    expect(Math.hypot(gx - min.x, gy - min.y)).toBeLessThan(1e-3);
    // SGD's iterates jitter; their average settles near the minimum.
    const [ax, ay] = last(sgd.swa!);
    expect(Math.hypot(ax - min.x, ay - min.y)).toBeLessThan(0.1);
  });
});
