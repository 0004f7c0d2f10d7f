import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/engine/run.ts';
import { norm, runNetworkPreset, weightsAt } from './networkLesson.ts';

describe('preset lamb-lars-trust', () => {
  const out = runNetworkPreset('lamb-lars-trust');
  const [lars, lamb] = out.results;
  const sizes = out.built.objective.shapes.map((s) => s.reduce((a, b) => a * b, 1));

  /** Per tensor, ‖w_{k+1} − w_k‖ / ‖w_k‖: the step relative to the layer's own norm. */
  function relativeSteps(r: RunResult, k: number): number[] {
    const [a, b] = [weightsAt(r, k), weightsAt(r, k + 1)];
    let at = 0;
    return sizes.map((n) => {
      const w = a.subarray(at, at + n);
      const d = b.subarray(at, at + n).map((x, i) => x - w[i]);
      at += n;
      return norm(d) / norm(w);
    });
  }

  it('LARS and LAMB both train the network', () => {
    for (const r of out.results) {
      expect(r.trainAccuracy).toBeGreaterThan(0.9);
      expect(r.losses.at(-1)!).toBeLessThan(0.5 * r.losses[0]);
    }
  });

  it('LAMB moves every tensor by lr of its own norm at every step', () => {
    const lr = out.scenario.runs[1].params.lr as number;
    // The norms the trust ratio clamps stay below clamp_value (10) here.
    for (const k of [0, 1, 50, 150, 299])
      for (const s of relativeSteps(lamb, k)) expect(s).toBeCloseTo(lr, 9);
  });

  it('LARS’s steps differ from layer to layer (momentum mixes its scaled gradients)', () => {
    const s = relativeSteps(lars, 150);
    expect(Math.max(...s) / Math.min(...s)).toBeGreaterThan(1.05);
  });

  it('try this: at twice LAMB’s lr every layer’s relative step doubles', () => {
    const fast = runNetworkPreset('lamb-lars-trust', (s) => {
      s.runs[1].params.lr = 0.02;
    });
    for (const s of relativeSteps(fast.results[1], 10)) expect(s).toBeCloseTo(0.02, 9);
  });
});
