import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_JSON, defaultScenario } from '../../src/scenario/defaultScenario.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { salvageScenario } from '../../src/scenario/salvageScenario.ts';

const good = {
  version: 1,
  surface: { id: 'rosenbrock', params: { b: 50 } },
  steps: 100,
  runs: [
    { optimizer: 'adam', params: { lr: 0.02 }, label: 'Adam' },
    { optimizer: 'sgd', params: { lr: 0.001, momentum: 0.9 }, label: 'Momentum' },
    { optimizer: 'rmsprop', params: { lr: 0.01 }, label: 'RMSprop' },
  ],
  view: { mode: '2d', playhead: 40 },
};
const variant = (change: (s: typeof good & Record<string, unknown>) => void) => {
  const s = structuredClone(good) as typeof good & Record<string, unknown>;
  change(s);
  return s;
};

describe('salvageScenario', () => {
  it('passes a valid scenario through untouched', () => {
    const r = salvageScenario(good);
    expect(r).toEqual({ scenario: parseScenario(good), problems: [], status: 'ok' });
  });

  it('drops a run with a bad parameter and keeps the others', () => {
    const r = salvageScenario(
      variant((s) => {
        s.runs[2].params.lr = -1;
      }),
    );
    expect(r.status).toBe('repaired');
    expect(r.problems).toEqual(['run 3 was dropped: lr must be in (0, 1000000] (got -1)']);
    expect(r.scenario.runs.map((x) => x.label)).toEqual(['Adam', 'Momentum']);
    expect(r.scenario.surface).toEqual(parseScenario(good).surface);
  });

  it('drops runs with an unknown optimizer, a bad schedule or a bad start; numbers them as in the link', () => {
    const r = salvageScenario(
      variant((s) => {
        (s.runs[0] as Record<string, unknown>).optimizer = 'adamx';
        (s.runs[1] as Record<string, unknown>).schedule = {
          name: 'OneCycleLR',
          params: { total_steps: 10 },
        };
        (s.runs[2] as Record<string, unknown>).start = [0, 'NaN'];
      }),
    );
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatch(/^run 1 was dropped: optimizer: unknown optimizer "adamx"/);
    expect(r.problems[1]).toMatch(/^run 2 was dropped: total_steps: 10 is shorter than the run/);
    expect(r.problems[2]).toBe('run 3 was dropped: start[1] must be a finite number');
    expect(r.problems[3]).toMatch(/no run in the link could be read; showing the default runs/);
    expect(r.scenario.runs).toEqual(parseScenario({ ...DEFAULT_SCENARIO_JSON, steps: 100 }).runs);
    expect(r.scenario.surface).toEqual(parseScenario(good).surface);
  });

  it('resets a bad label, colour or visibility instead of dropping the run', () => {
    const r = salvageScenario(
      variant((s) => {
        (s.runs[1] as Record<string, unknown>).label = 'x'.repeat(41);
        (s.runs[1] as Record<string, unknown>).color = 'javascript:alert(1)';
        (s.runs[2] as Record<string, unknown>).visible = 'yes';
      }),
    );
    expect(r.problems).toEqual([
      'run 2: colour must be at most 7 characters; reset to the default',
      'run 2: label must be at most 40 characters; reset to the default',
      'run 3: visible must be true or false; reset to the default',
    ]);
    expect(r.scenario.runs).toHaveLength(3);
    expect(r.scenario.runs[1].label).toBeNull();
    expect(r.scenario.runs[1].color).toBeNull();
    expect(r.scenario.runs[2].visible).toBe(true);
  });

  it('falls back to the default surface when the surface cannot be read', () => {
    const r = salvageScenario(
      variant((s) => void ((s as Record<string, unknown>).surface = { id: 'volcano' })),
    );
    expect(r.problems).toEqual([
      'surface: unknown surface "volcano"; the surface was replaced by the default (Ravine)',
    ]);
    expect(r.scenario.surface).toEqual(defaultScenario().surface);
    expect(r.scenario.runs).toHaveLength(3);
    const bad = salvageScenario(
      variant(
        (s) => void ((s as Record<string, unknown>).surface = { expression: 'evaluate("1")' }),
      ),
    );
    expect(bad.problems[0]).toMatch(/^surface expression: .*replaced by the default \(Ravine\)$/);
  });

  it('resets a bad surface parameter and keeps the surface', () => {
    const r = salvageScenario(variant((s) => void (s.surface.params.b = 1e9)));
    expect(r.problems).toEqual([
      'surface: b must be in [1, 1000] (got 1000000000); reset to the default',
    ]);
    expect(r.scenario.surface).toEqual({ id: 'rosenbrock', params: { a: 1, b: 100 } });
  });

  it('resets bad view fields one by one (the camera as a whole)', () => {
    const r = salvageScenario(
      variant((s) => {
        (s.view as Record<string, unknown>).camera = { position: [1e9, 0, 0], target: [0, 0, 0] };
        (s.view as Record<string, unknown>).mode = 'vr';
      }),
    );
    expect(r.problems).toHaveLength(2);
    expect(
      r.problems.every((p) => p.startsWith('view: ') && p.endsWith('; reset to the default')),
    ).toBe(true);
    expect(r.scenario.view).toEqual({ mode: '3d', logHeight: null, camera: null, playhead: 40 });
  });

  it('resets bad steps and noise; a playhead past the new end is reset too', () => {
    const r = salvageScenario(
      variant((s) => {
        (s as Record<string, unknown>).steps = 1e9;
        (s as Record<string, unknown>).noise = { sigma: 'lots', seed: 3 };
        s.view.playhead = 500;
      }),
    );
    expect(r.problems).toEqual([
      'steps must be between 1 and 10000 (got 1000000000); reset to the default',
      'noise: sigma must be a finite number; reset to the default',
      'view: playhead must be between 0 and 200 (got 500); reset to the default',
    ]);
    expect(r.scenario.steps).toBe(200);
    expect(r.scenario.noise).toEqual({ sigma: 0, seed: 3 });
    expect(r.scenario.view.playhead).toBe(200);
  });

  it('ignores unknown fields anywhere, including prototype-pollution keys', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "surface": {"id": "ravine", "__proto__": 1}, "runs": [{"optimizer": "sgd", "params": {"__proto__": {"lr": 5}}, "prototype": 1}]}',
    );
    const r = salvageScenario(hostile);
    expect(r.status).toBe('repaired');
    expect(r.problems).toEqual([
      'unknown field "__proto__" was ignored',
      'unknown field "constructor" was ignored',
      'surface: unknown field "__proto__" (expected one of: id, params, expression, domain) was ignored',
      'run 1: unknown field "prototype" (expected one of: optimizer, params, schedule, start, swa, label, color, visible) was ignored',
      'run 1: unknown parameter "__proto__" (expected one of: lr, momentum, dampening, nesterov, weight_decay) was ignored',
    ]);
    expect(r.scenario.runs[0].params.lr).toBe(1e-3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.scenario)).toBe(Object.prototype);
  });

  it('shows the default runs when the link has no list of runs, or an empty one', () => {
    const none = salvageScenario(variant((s) => void ((s as Record<string, unknown>).runs = 'x')));
    expect(none.problems).toEqual(['the link has no list of runs; showing the default runs']);
    const empty = salvageScenario(variant((s) => void (s.runs = [])));
    expect(empty.problems).toEqual(['no run in the link could be read; showing the default runs']);
    for (const r of [none, empty]) {
      expect(r.status).toBe('repaired');
      expect(r.scenario.runs).toEqual(parseScenario({ ...DEFAULT_SCENARIO_JSON, steps: 100 }).runs);
    }
  });

  it('keeps the first 8 of too many runs', () => {
    const r = salvageScenario(variant((s) => void (s.runs = Array(10_000).fill(s.runs[0]))));
    expect(r.problems).toEqual(['only the first 8 of 10000 runs were kept']);
    expect(r.scenario.runs).toHaveLength(8);
  });

  it('reads a link from a newer app as well as it can, and says so', () => {
    const r = salvageScenario(variant((s) => void ((s as Record<string, unknown>).version = 7)));
    expect(r.problems[0]).toMatch(
      /newer version of the app \(scenario version 7; this one reads 1\)/,
    );
    expect(r.scenario.runs).toHaveLength(3);
    const zero = salvageScenario(variant((s) => void ((s as Record<string, unknown>).version = 0)));
    expect(zero.problems[0]).toMatch(
      /^version must be a positive whole number; read as version 1$/,
    );
  });

  it('gives the default scenario when nothing can be read', () => {
    for (const input of [null, 42, 'scenario', [1, 2], true]) {
      const r = salvageScenario(input);
      expect(r.status).toBe('default');
      expect(r.scenario).toEqual(defaultScenario());
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('does not modify its input', () => {
    const input = variant((s) => void (s.runs[0].params.lr = -1));
    const copy = structuredClone(input);
    salvageScenario(input);
    expect(input).toEqual(copy);
  });
});
