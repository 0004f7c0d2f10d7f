import { NormalStream } from '../../../engine/noise.ts';
import { mixSeed } from './seedMix.ts';

/**
 * Mini-batches as torch's DataLoader(shuffle=True, drop_last=False) draws them: every epoch a
 * fresh permutation of the n examples, cut into ⌈n / batchSize⌉ batches in order (the last one
 * smaller when batchSize does not divide n). The permutation of epoch e is a Fisher–Yates
 * shuffle driven by NormalStream(mixSeed(seed, e)), so batch t is a pure function of
 * (seed, t); the current epoch's order is cached, so a run allocates nothing per step.
 */
export class EpochShuffle {
  readonly batchesPerEpoch: number;
  /** The current epoch's permutation; the selected batch is order[start .. end). */
  readonly order: Int32Array;
  start = 0;
  end = 0;
  private epoch = -1;

  constructor(
    readonly n: number,
    readonly batchSize: number,
    private readonly seed: number,
  ) {
    this.batchesPerEpoch = Math.ceil(n / batchSize);
    this.order = new Int32Array(n);
  }

  /** Select step t's batch (0-based): afterwards its examples are order[start .. end). */
  select(t: number): void {
    const epoch = Math.floor(t / this.batchesPerEpoch);
    if (epoch !== this.epoch) this.shuffle(epoch);
    const k = t - epoch * this.batchesPerEpoch;
    this.start = k * this.batchSize;
    this.end = Math.min(this.n, this.start + this.batchSize);
  }

  private shuffle(epoch: number): void {
    const order = this.order;
    for (let i = 0; i < this.n; i++) order[i] = i;
    const rng = new NormalStream(mixSeed(this.seed, epoch));
    for (let i = this.n - 1; i > 0; i--) {
      const j = Math.floor(rng.nextUniform() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    this.epoch = epoch;
  }
}
