import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';
import type { RunResult } from '../../src/engine/run.ts';
import { defaultParams } from '../../src/engine/validateParams.ts';
import { defaultScenario } from '../../src/scenario/defaultScenario.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { buildSurface, runOne } from '../../src/scenario/runScenario.ts';
import type { Scenario, ScenarioRun } from '../../src/scenario/scenario.ts';
import { niceLr, suggestRunLr } from '../../src/scenario/suggestLr.ts';

const newRun = (optimizer: string, params = defaultParams(OPTIMIZERS[optimizer].params)) =>
  ({
    optimizer,
    params,
    schedule: null,
    start: null,
    swa: null,
    label: null,
    color: null,
    visible: true,
  }) satisfies ScenarioRun;

/** Run the engine with the suggested lr; return how far the run ended from its start, as a share of the domain's diagonal. */
function travelled(s: Scenario, optimizer: string) {
  const built = buildSurface(s.surface, s.noise.seed);
  const run = newRun(optimizer);
  // null: torch's default already suits this surface.
  const lr = suggestRunLr(s, built, run) ?? (run.params.lr as number);
  const result: RunResult = runOne(s, { ...run, params: { ...run.params, lr } }, built);
  const k = result.points - 1;
  const [x0, y0] = [result.trajectory[0], result.trajectory[1]];
  const moved = Math.hypot(result.trajectory[2 * k] - x0, result.trajectory[2 * k + 1] - y0);
  const d = built.domain;
  return {
    lr,
    defaultLoss: (() => {
      const r = runOne(s, run, built);
      return r.losses[r.points - 1];
    })(),
    share: moved / Math.hypot(d.xMax - d.xMin, d.yMax - d.yMin),
    result,
    defaultShare: (() => {
      const r = runOne(s, run, built);
      const j = r.points - 1;
      return (
        Math.hypot(r.trajectory[2 * j] - x0, r.trajectory[2 * j + 1] - y0) /
        Math.hypot(d.xMax - d.xMin, d.yMax - d.yMin)
      );
    })(),
  };
}

const MOVERS = [
  'adam',
  'adamw',
  'adamax',
  'nadam',
  'radam',
  'lion',
  'rmsprop',
  'adagrad',
  'sgd',
  'sam',
  'asgd',
  'muon',
  'schedulefree_adamw',
  'lamb',
  'lars',
];

describe('suggestRunLr', () => {
  it('moves a new Adam run on the default surface by more than 5% of the domain, where 0.001 does not', () => {
    const { share, defaultShare, result } = travelled(defaultScenario(), 'adam');
    expect(share).toBeGreaterThan(0.05);
    expect(result.divergedAt).toBeNull();
    // The reason for the feature: torch's default barely leaves the start.
    expect(share).toBeGreaterThan(4 * defaultShare);
  });

  const surfaces: Record<string, unknown> = {
    'the default ravine': undefined,
    Himmelblau: { id: 'himmelblau' },
    Rosenbrock: { id: 'rosenbrock' },
    'sharp and flat minima': { id: 'sharp_flat' },
    'a plateau': { id: 'plateau' },
    'a typed bowl': { expression: 'x^2 + 3*y^2', domain: [-5, 5, -5, 5] },
  };
  for (const [name, surface] of Object.entries(surfaces)) {
    for (const opt of MOVERS) {
      // Not every pair must cross 5% of the view: gradient descent on a plateau crawls at any
      // stable lr (that is the plateau's lesson). Every suggestion must be safe and go downhill.
      it(`${opt} on ${name}: goes downhill and does not diverge`, () => {
        const base = defaultScenario();
        const s = surface ? parseScenario({ ...base, surface, start: null }) : base;
        const { result, lr, defaultLoss } = travelled(s, opt);
        const end = result.losses[result.points - 1];
        expect(result.divergedAt, `lr ${lr}`).toBeNull();
        expect(end, `lr ${lr}`).toBeLessThan(result.losses[0]);
        // At least as far down as torch's default gets in the same steps.
        expect(end, `lr ${lr}`).toBeLessThanOrEqual(
          defaultLoss + 1e-9 * Math.abs(defaultLoss) + 1e-12,
        );
      });
    }
  }

  it('keeps torch’s default for Newton and Adadelta (lr 1 is their natural step)', () => {
    const s = defaultScenario();
    const built = buildSurface(s.surface, 1);
    expect(suggestRunLr(s, built, newRun('newton'))).toBeNull();
    expect(suggestRunLr(s, built, newRun('adadelta'))).toBeNull();
    // L-BFGS's lr 1 is the quasi-Newton step; Rprop's lr only its first, adapted after;
    // Adafactor's step is relative to RMS(w) and capped at 1/√t.
    for (const id of ['lbfgs', 'rprop', 'adafactor'])
      expect(suggestRunLr(s, built, newRun(id)), id).toBeNull();
  });
});

describe('niceLr', () => {
  it('rounds down to 1, 2 or 5 × 10ᵏ', () => {
    expect(niceLr(0.0734)).toBe(0.05);
    expect(niceLr(0.3)).toBe(0.2);
    expect(niceLr(1.99)).toBe(1);
    expect(niceLr(7)).toBe(5);
    expect(niceLr(0.005)).toBe(0.005);
  });
});
