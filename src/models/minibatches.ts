import { EpochShuffle } from '../surfaces/catalog/data/epochShuffle.ts';

/**
 * Step t's mini-batch as torch's DataLoader(batch_size, shuffle, drop_last=False) yields it:
 * ⌈n / batch_size⌉ batches an epoch, the last one smaller when batch_size does not divide n,
 * epochs wrapping. Without shuffle the batches are consecutive runs of the data in order; with
 * it, each epoch's permutation comes from the seed (EpochShuffle). Returns views made once.
 */
export function minibatches(n: number, batchSize: number, shuffle: boolean, seed: number) {
  const size = Math.min(batchSize, n);
  const perEpoch = Math.ceil(n / size);
  const shuffler = shuffle ? new EpochShuffle(n, size, seed) : null;
  const order = shuffler ? shuffler.order : Int32Array.from({ length: n }, (_, i) => i);
  const views = Array.from({ length: perEpoch }, (_, k) =>
    order.subarray(k * size, Math.min(n, (k + 1) * size)),
  );
  return (t: number): Int32Array => {
    shuffler?.select(t);
    return views[t % perEpoch];
  };
}
