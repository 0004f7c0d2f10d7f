import { describe, expect, it } from 'vitest';
import { parseModelScenario, type ModelScenario } from '../../src/scenario/modelScenario.ts';
import type { AnalysisRef } from '../../src/scenario/networkAnalysis.ts';
import { NetworkTrainer } from '../../src/scenario/networkTrainer.ts';
import { NetworkChannel } from '../../src/state/networkClient.ts';
import { inProcessPort, type PortFactory } from '../../src/state/networkPool.ts';
import {
  respondNetwork,
  type NetworkPicture,
  type PoolRequest,
} from '../../src/state/networkWorker.ts';

const base = parseModelScenario({
  model: { data: { name: 'moons', n: 60, noise: 0.1, seed: 2 }, hidden: [5], batch_size: 16 },
  steps: 30,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.2 } },
    { optimizer: 'adam', params: { lr: 0.01 } },
    { optimizer: 'rmsprop', params: { lr: 0.005 } },
    { optimizer: 'adamw', params: { lr: 0.01 } },
  ],
  slice: { plane: 'pca', center: { run: 0, step: -1 }, resolution: 5 },
});
const analysis: AnalysisRef = {
  line: { from: { run: 0, step: 0 }, to: { run: 1, step: -1 } },
  sharpness: true,
};

const withLr = (s: ModelScenario, i: number, lr: number): ModelScenario => ({
  ...s,
  runs: s.runs.map((r, j) => (j === i ? { ...r, params: { ...r.params, lr } } : r)),
});

/** The one-trainer answer: what the page drew with one worker. */
function oneTrainer(s: ModelScenario, trainer = new NetworkTrainer()): NetworkPicture {
  let last: NetworkPicture | null = null;
  respondNetwork(trainer, { id: 1, scenario: s, analysis }, (res) => {
    if ('picture' in res && !res.more) last = res.picture;
  });
  return last!;
}

/** A pool of `size` in-process workers, each message it sends recorded with its worker. */
function pool(size: number) {
  const sent: { worker: number; req: PoolRequest }[] = [];
  let made = 0;
  const spy: PortFactory = (deliver) => {
    const worker = made++;
    const port = inProcessPort(deliver);
    return {
      post: (req, transfer) => {
        sent.push({ worker, req });
        port.post(req, transfer);
      },
      stop: port.stop,
    };
  };
  const progress: string[] = [];
  let firsts = 0;
  let resolve: (p: NetworkPicture) => void = () => {};
  const channel = new NetworkChannel(
    {
      picture: (p) => (channel.busy ? firsts++ : resolve(p)),
      progress: (done, total, what) => progress.push(`${done}/${total} ${what}`),
      error: (m) => {
        throw new Error(m);
      },
    },
    size,
    spy,
  );
  const ask = (s: ModelScenario) =>
    new Promise<NetworkPicture>((r) => {
      resolve = r;
      progress.length = 0;
      sent.length = 0;
      channel.ask(s, analysis);
    });
  /** Which worker was sent each run to train. */
  const trainedBy = () =>
    sent.flatMap(({ worker, req }) =>
      'runs' in req ? req.runs.map((run) => ({ run, worker })) : [],
    );
  /** Which worker was sent which rows of the slice. */
  const rowsBy = () =>
    sent.flatMap(({ worker, req }) => ('rows' in req ? [{ worker, rows: req.rows }] : []));
  return { ask, channel, progress, trainedBy, rowsBy, firsts: () => firsts };
}

describe('the pool of network workers', () => {
  const alone = oneTrainer(base);

  for (const size of [1, 2, 3]) {
    it(`draws exactly what one trainer draws, on ${size} worker(s)`, async () => {
      const p = pool(size);
      const picture = await p.ask(base);
      expect(picture).toEqual(alone);
      // The runs are dealt round-robin: each worker trains its share.
      const by = p.trainedBy().sort((a, b) => a.run - b.run);
      expect(by).toEqual([0, 1, 2, 3].map((run) => ({ run, worker: run % size })));
      expect(p.progress.filter((m) => m.includes('trained'))).toHaveLength(4);
      // Counted across the pool: the bar fills once, whichever worker finishes last.
      expect(p.progress).toContainEqual(expect.stringMatching(/^4\/4 trained run \d$/));
      // The slice's 5 rows in one block per worker, all of them once.
      const rows = p.rowsBy();
      expect(rows.map((r) => r.worker)).toEqual([0, 1, 2].slice(0, size));
      expect(rows.flatMap((r) => [r.rows[0], r.rows[1]])).toEqual(
        { 1: [0, 5], 2: [0, 2, 2, 5], 3: [0, 1, 1, 3, 3, 5] }[size],
      );
      // The picture without the sharpness came first, as from one worker.
      expect(p.firsts()).toBe(1);
    });
  }

  it('re-trains only the edited run, on the lead, and still draws what one trainer draws', async () => {
    const p = pool(2);
    await p.ask(base);
    const edited = withLr(base, 1, 0.02);
    const picture = await p.ask(edited);
    expect(p.trainedBy()).toEqual([{ run: 1, worker: 0 }]);
    // The PCA plane is fitted to every run: a new slice, its rows split again.
    expect(p.rowsBy()).toHaveLength(2);
    expect(p.progress.filter((m) => m.includes('trained'))).toEqual(['1/1 trained run 2']);
    const trainer = new NetworkTrainer();
    oneTrainer(base, trainer);
    expect(picture).toEqual(oneTrainer(edited, trainer));
  });

  it('starts afresh after a cancel, with every run trained again and the same picture', async () => {
    const p = pool(2);
    await p.ask(base);
    p.channel.ask(withLr(base, 0, 0.3), analysis);
    p.channel.cancel();
    expect(p.channel.busy).toBe(false);
    const picture = await p.ask(base);
    expect(p.trainedBy()).toHaveLength(4);
    expect(picture).toEqual(alone);
  });
});
