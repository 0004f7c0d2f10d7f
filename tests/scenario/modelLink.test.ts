import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/simulate.ts';
import { compactModelScenario } from '../../src/scenario/compactModelScenario.ts';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { decodeLink, encodeScenario, scenarioFragment } from '../../src/scenario/shareLink.ts';
import { packJsonForTest } from './packForTest.ts';

const pack = (value: unknown) => `#s=${packJsonForTest(value)}`;

const NETWORKS: Record<string, unknown> = {
  minimal: { model: { data: { name: 'moons' } }, runs: [{ optimizer: 'adam' }] },
  'blobs, residual, shuffled, sliced, with a view': {
    model: {
      data: { name: 'blobs', n: 120, noise: 0.4, seed: 9, classes: 4 },
      hidden: [8, 8, 8],
      activation: 'relu',
      residual: true,
      init: { seed: 42 },
      batch_size: 16,
      shuffle: true,
    },
    slice: { plane: 'pca', center: { run: 1, step: 50 }, span: 2, resolution: 21 },
    steps: 120,
    noise: { sigma: 0.01, seed: 3 },
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 }, label: 'heavy ball' },
      {
        optimizer: 'adamw',
        params: { lr: 0.01, weight_decay: 0.05 },
        schedule: { name: 'CosineAnnealingLR', params: { T_max: 120 } },
        color: '#e6550d',
        visible: false,
      },
    ],
    view: {
      mode: '2d',
      logHeight: true,
      camera: { position: [1, 2, 3], target: [0, 0, 0] },
      playhead: 60,
    },
  },
  'given points and weights, points plane': {
    model: {
      data: {
        points: [
          [0, 0],
          [1, 0.5],
          [-1, 2],
          [0.25, -0.75],
        ],
        labels: [0, 1, 1, 0],
      },
      hidden: [2],
      init: { weights: [0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1, 1.1, -1.2] },
      batch_size: 2,
    },
    slice: {
      plane: 'points',
      points: [
        { run: 0, step: 0 },
        { run: 0, step: 5 },
        { run: 0, step: -1 },
      ],
    },
    steps: 10,
    runs: [{ optimizer: 'rmsprop', params: { lr: 0.003 } }],
  },
};

describe('a share link holding a network scenario', () => {
  for (const [name, json] of Object.entries(NETWORKS))
    it(`round-trips exactly: ${name}`, () => {
      const s = parseModelScenario(json);
      const d = decodeLink(`https://lab.example/app/${scenarioFragment(s)}`);
      expect(d.kind).toBe('model');
      expect(d.problems).toEqual([]);
      expect(d.status).toBe('ok');
      expect(d.scenario).toEqual(s);
    });

  it('carries a generated dataset by name and seed, and only what differs from the defaults', () => {
    const s = parseModelScenario({
      model: { data: { name: 'spirals', seed: 7 }, hidden: [16, 16], batch_size: 64 },
      slice: { seed: 3 },
      steps: 300,
      runs: [{ optimizer: 'adam', params: { lr: 0.001 } }],
      view: { playhead: 300 },
    });
    expect(compactModelScenario(s)).toEqual({
      version: 1,
      model: { data: { name: 'spirals', seed: 7 }, batch_size: 64 },
      slice: { seed: 3 },
      steps: 300,
      runs: [{ optimizer: 'adam' }],
    });
    expect(encodeScenario(s).length).toBeLessThan(200);
  });

  it('fills in the view for a network scenario that has none (the last step, 3D)', () => {
    const s = parseModelScenario({ ...(NETWORKS.minimal as object), steps: 50 });
    expect(s.view).toEqual({ mode: '3d', logHeight: null, camera: null, playhead: 50 });
  });

  const opened = (value: unknown) => {
    const d = decodeLink(pack(value));
    expect(d.kind).toBe('surface');
    expect(d.status).toBe('default');
    expect(d.problems[1]).toBe('showing the default scenario instead');
    return d.problems[0];
  };
  const runs = [{ optimizer: 'adam' }];

  it('opens the default scenario naming the bad field of a broken network', () => {
    const intro = "the link's network scenario cannot be trained: ";
    expect(opened({ model: { data: { name: 'moon' } }, runs })).toMatch(
      new RegExp(`^${intro}model\\.data\\.name: `),
    );
    expect(opened({ model: { data: { name: 'moons', n: -3 } }, runs })).toMatch(
      /^the link's network scenario cannot be trained: model\.data\.n: /,
    );
    expect(opened({ model: { data: { name: 'moons' }, hidden: [16, 1e9] }, runs })).toContain(
      'model.hidden[1]: ',
    );
    expect(
      opened({
        model: { data: { name: 'moons' } },
        runs: [{ optimizer: 'adam', params: { lr: -1 } }],
      }),
    ).toMatch(/^the link's network scenario cannot be trained: run 1: lr must be/);
    expect(opened({ model: { data: { name: 'moons' } }, runs, view: { playhead: 9999 } })).toMatch(
      /view: playhead/,
    );
    expect(opened({ model: { data: { name: 'moons' }, hidden: [1000, 1000] }, runs })).toMatch(
      /the network has 1,006,002 weights; the lab trains up to 10,000/,
    );
    expect(opened({ model: { data: { name: 'moons' } }, runs, version: 99 })).toMatch(
      /version 99 is newer than this app understands/,
    );
  });

  it('clips what a hostile link echoes, and keeps Object.prototype clean', () => {
    const p = opened({
      model: { data: { name: 'x'.repeat(5000) }, ['__proto__']: { polluted: 1 } },
      runs,
    });
    expect(p.length).toBeLessThan(300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('runs in simulate, as the scenario file does', () => {
    const run = (arg: string, input = '') => {
      let out = '';
      let err = '';
      const code = main(
        [arg],
        () => input,
        { write: (t: string) => (out += t) },
        { write: (t: string) => (err += t) },
      );
      return { code, out, err };
    };
    const json = { model: { data: { name: 'xor', n: 40 }, hidden: [4] }, steps: 5, runs };
    const fromLink = run(scenarioFragment(parseModelScenario(json)));
    expect(fromLink.err).toBe('');
    expect(fromLink.code).toBe(0);
    expect(fromLink.out).toBe(run('-', JSON.stringify(json)).out);
  });
});
