import type { ModelRunResult, SliceResult } from './runModelScenario.ts';

/** The JSON `simulate` prints for one run of a network scenario (docs/scenario.md). */
export interface SimulatedModelRun {
  optimizer: string;
  /** The full training-set loss at each of the steps + 1 iterates. */
  full_losses: number[];
  /** The mini-batch loss of each step, as `loss.item()` in torch's loop. */
  batch_losses: number[];
  /** The held-out loss at each iterate (generated datasets only). */
  test_losses: number[] | null;
  /** The last iterate's weights, flat in model.parameters() order. */
  weights_final: number[];
  /** At the last iterate: the share of training (and test) examples classified right. */
  train_accuracy: number;
  test_accuracy: number | null;
  lrs: number[];
  diverged_at: number | null;
  stopped: { step: number; reason: string; message: string } | null;
}

export function toSimulatedModelRun(optimizer: string, r: ModelRunResult): SimulatedModelRun {
  const taken = Math.max(0, r.points - 1);
  return {
    optimizer,
    full_losses: Array.from(r.losses.subarray(0, r.points)),
    batch_losses: Array.from(r.batchLosses.subarray(0, taken)),
    test_losses: r.testLosses ? Array.from(r.testLosses) : null,
    weights_final: Array.from(r.trajectory.subarray(taken * r.dim, (taken + 1) * r.dim)),
    train_accuracy: r.trainAccuracy,
    test_accuracy: r.testAccuracy,
    lrs: Array.from(r.lrs.subarray(0, r.divergedAt ?? taken)),
    diverged_at: r.divergedAt,
    stopped: r.stop,
  };
}

/** `"slice"`: losses[i][j] is the training loss at center + alphas[i]·d₁ + betas[j]·d₂. */
export function toSimulatedSlice(s: SliceResult) {
  const nb = s.betas.length;
  return {
    center: Array.from(s.plane.center),
    directions: [Array.from(s.plane.d1), Array.from(s.plane.d2)],
    alphas: Array.from(s.alphas),
    betas: Array.from(s.betas),
    losses: Array.from(s.alphas, (_, i) => Array.from(s.losses.subarray(i * nb, (i + 1) * nb))),
    paths: s.paths.map((p) => Array.from(p.alpha, (a, k) => [a, p.beta[k]])),
    /** Each iterate's distance off the plane: what the projected path does not show. */
    distances: s.paths.map((p) => Array.from(p.distance)),
    explained: s.explained,
  };
}
