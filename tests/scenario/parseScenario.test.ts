import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { FieldError } from '../../src/engine/validateParams.ts';
import { OPTIMIZERS } from '../../src/engine/optimizers/index.ts';

const base = {
  surface: { expression: '(1-x)^2 + 100*(y-x^2)^2' },
  start: [-1.2, 1],
  steps: 50,
  runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
};

/** The FieldError message parseScenario throws for a scenario. */
function problem(s: unknown): string {
  try {
    parseScenario(s);
  } catch (e) {
    if (e instanceof FieldError) return e.message;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario', () => {
  it('fills PyTorch defaults for parameters the scenario leaves out', () => {
    const s = parseScenario(base);
    expect(s.runs[0].params).toEqual({
      lr: 0.01,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
    });
    expect(s.noise).toEqual({ sigma: 0, seed: 1 });
    expect(s.view.mode).toBe('3d');
    expect(s.view.playhead).toBe(50);
  });

  it('names the field of a bad value', () => {
    expect(problem({ ...base, runs: [{ optimizer: 'adam', params: { lr: -1 } }] })).toMatch(
      /^runs\[0\]\.params\.lr: must be in \(0, /,
    );
    expect(
      problem({ ...base, runs: [{ optimizer: 'adam', params: { betas: [0.9, 1] } }] }),
    ).toMatch(/^runs\[0\]\.params\.betas\[1\]: must be in \[0, 1\)/);
    expect(problem({ ...base, steps: 0 })).toMatch(/^steps: /);
    expect(problem({ ...base, start: [0, 'a'] })).toBe('start[1]: must be a finite number');
    expect(problem({ ...base, runs: [{ optimizer: 'adamx' }] })).toMatch(
      /^runs\[0\]\.optimizer: unknown optimizer "adamx"/,
    );
    expect(problem({ ...base, runs: [{ optimizer: 'sgd', params: { lrr: 1 } }] })).toMatch(
      /^runs\[0\]\.params\.lrr: unknown parameter/,
    );
    expect(problem({ ...base, surface: { expression: 'import("fs")' } })).toMatch(
      /^surface\.expression: /,
    );
    expect(problem({ ...base, surface: { id: 'nope' } })).toMatch(/^surface\.id: unknown surface/);
    expect(problem({ ...base, runs: [] })).toBe('runs: needs at least one run');
    expect(problem({ ...base, runs: Array(9).fill({ optimizer: 'sgd' }) })).toMatch(
      /at most 8 runs/,
    );
  });

  it('refuses, at the edge, an expression that passes the syntax check but is too complex to differentiate', () => {
    const product = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'x' : 'y')).join('*');
    expect(problem({ ...base, surface: { expression: product } })).toMatch(
      /^surface\.expression: this expression is too complex to differentiate/,
    );
  });

  it('rejects NaN and Infinity smuggled in as numbers', () => {
    expect(problem({ ...base, runs: [{ optimizer: 'sgd', params: { lr: NaN } }] })).toMatch(
      /runs\[0\]\.params\.lr: must be a finite number/,
    );
    expect(problem({ ...base, noise: { sigma: Infinity } })).toMatch(/noise\.sigma/);
  });

  it("refuses what torch's constructors refuse", () => {
    expect(
      problem({
        ...base,
        runs: [
          { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true } },
        ],
      }),
    ).toMatch(/runs\[0\]\.params: nesterov/);
    expect(
      problem({
        ...base,
        runs: [
          {
            optimizer: 'adagrad',
            schedule: { name: 'OneCycleLR', params: { max_lr: 0.1, total_steps: 50 } },
          },
        ],
      }),
    ).toMatch(/^runs\[0\]/);
  });

  it('rejects prototype-pollution keys as unknown fields and leaves Object.prototype alone', () => {
    const hostile = JSON.parse(
      '{"surface":{"id":"rosenbrock"},"runs":[{"optimizer":"sgd","params":{"__proto__":{"polluted":1}}}]}',
    );
    expect(problem(hostile)).toMatch(/__proto__: unknown parameter/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a catalog surface with parameters and every registered optimizer', () => {
    for (const id of Object.keys(OPTIMIZERS)) {
      const s = parseScenario({ surface: { id: 'rosenbrock' }, runs: [{ optimizer: id }] });
      expect(s.runs[0].optimizer).toBe(id);
      expect(s.surface).toEqual({ id: 'rosenbrock', params: expect.any(Object) });
    }
  });

  it('migrates nothing yet but refuses a version from the future', () => {
    expect(problem({ ...base, version: 99 })).toMatch(/^version: 99 is newer/);
    expect(parseScenario({ ...base, version: 1 }).version).toBe(1);
  });
});
