import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/engine/validateParams.ts';
import {
  describeFieldError,
  describeIssue,
  ECHO_LIMIT,
  MESSAGE_LIMIT,
} from '../../src/scenario/describeFieldError.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';

/** The sentence for the FieldError parseScenario throws on a scenario. */
function describe_(s: unknown): string {
  try {
    parseScenario(s);
  } catch (e) {
    if (e instanceof FieldError) return describeFieldError(e);
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

const base = { surface: { id: 'ravine' }, steps: 50, runs: [{ optimizer: 'sgd' }] };
const withRun = (run: unknown, i = 0) => ({
  ...base,
  runs: [...Array(i).fill({ optimizer: 'sgd' }), run],
});

describe('describeFieldError', () => {
  it('names runs by their 1-based number and parameters by name', () => {
    expect(
      describeIssue({
        path: ['runs', 2, 'params', 'lr'],
        kind: 'invalid',
        problem: 'must be in (0, 1000000] (got -1)',
      }),
    ).toBe('run 3: lr must be in (0, 1000000] (got -1)');
  });

  it('reads the errors parseScenario really throws', () => {
    expect(describe_(withRun({ optimizer: 'adam', params: { betas: [0.9, 1] } }, 1))).toBe(
      'run 2: betas[1] must be in [0, 1) (got 1)',
    );
    expect(
      describe_(
        withRun({ optimizer: 'sgd', schedule: { name: 'StepLR', params: { step_size: 0 } } }),
      ),
    ).toMatch(/^run 1: schedule step_size must be in \[1, /);
    expect(describe_(withRun({ optimizer: 'sgd', params: { lrr: 1 } }))).toMatch(
      /^run 1: unknown parameter "lrr" \(expected one of: lr, /,
    );
    expect(describe_(withRun({ optimizer: 'sgd', color: 'red' }))).toBe(
      'run 1: colour must be a colour like "#1f77b4"',
    );
    expect(describe_(withRun({ optimizer: 'sgd', swa: { start: 99 } }))).toBe(
      'run 1: SWA start must be between 0 and 50 (got 99)',
    );
    expect(describe_(withRun({ optimizer: 'adamx' }))).toMatch(
      /^run 1: optimizer: unknown optimizer "adamx"/,
    );
    expect(describe_(withRun({ optimizer: 'sgd', params: { lr: 0.1, nesterov: true } }))).toMatch(
      /^run 1: nesterov: Nesterov momentum requires/,
    );
    expect(describe_({ ...base, surface: { id: 'ravine', params: { angle: 400 } } })).toBe(
      'surface: angle must be in [-90, 90] (got 400)',
    );
    expect(describe_({ ...base, surface: { id: 'nope' } })).toBe('surface: unknown surface "nope"');
    expect(describe_({ ...base, surface: { expression: 'import("fs")' } })).toMatch(
      /^surface expression: /,
    );
    expect(describe_({ ...base, view: { camera: { position: [0, 0], target: [0, 0, 0] } } })).toBe(
      'view: camera position must be [x, y, z]',
    );
    expect(describe_({ ...base, noise: { sigma: -1 } })).toBe(
      'noise: sigma must be between 0 and 1000 (got -1)',
    );
    expect(describe_({ ...base, steps: 0 })).toBe('steps must be between 1 and 10000 (got 0)');
    expect(describe_([])).toBe('the scenario must be an object');
    expect(describe_({ ...base, extra: 1 })).toMatch(/^unknown field "extra" \(expected one of: /);
  });

  it('cuts echoed strings and the whole message short', () => {
    const long = 'x'.repeat(5000);
    const text = describe_(withRun({ optimizer: 'sgd', params: { [long]: 1 } }));
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 1);
    const quoted = /"([^"]*)"/.exec(text)![1];
    expect(Array.from(quoted).length).toBeLessThanOrEqual(ECHO_LIMIT + 1);
    expect(quoted.endsWith('…')).toBe(true);
    const markup = describe_({
      ...base,
      surface: { id: '<img src=x onerror=alert(1)>'.repeat(2) },
    });
    expect(markup.length).toBeLessThan(100);
  });

  it('makes control and bidi characters visible instead of passing them through', () => {
    const text = describe_(withRun({ optimizer: 'a\u202eb\nc\u0000' }));
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(text).toContain('a\ufffdb\ufffdc\ufffd');
  });
});
