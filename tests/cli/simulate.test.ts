import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/simulate.ts';

/** Run the command's main in this process, with standard input and output as strings. */
function simulate(arg: string | string[], input?: string) {
  const args = Array.isArray(arg) ? arg : [arg];
  let out = '';
  let err = '';
  const code = main(
    args,
    () => {
      if (input === undefined) throw new Error('no standard input');
      return input;
    },
    { write: (t: string) => (out += t) },
    { write: (t: string) => (err += t) },
  );
  return { code, out, err };
}

/**
 * The real command line — what `npm run -s simulate -- ARG` runs — through node with tsx's
 * loader (not npx, whose own warnings would land on stderr). Each costs a second or more to
 * start, so one case tests the wiring (arguments, standard input, output, exit code) this way.
 */
function simulateProcess(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('simulate as a process', { timeout: 60_000 }, () => {
  it('reads standard input, prints JSON and exits 0', () => {
    const r = simulateProcess(
      ['-'],
      JSON.stringify({
        surface: { expression: 'x^2 + y^2' },
        start: [1, 1],
        steps: 5,
        runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }],
      }),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs[0].trajectory).toHaveLength(6);
  });
});

describe('simulate command', () => {
  it('reads a scenario from standard input and prints trajectories, losses and lrs', () => {
    const scenario = {
      surface: { expression: '(1-x)^2 + 100*(y-x^2)^2' },
      start: [-1.2, 1.0],
      steps: 150,
      noise: { sigma: 0, seed: 1 },
      runs: [
        {
          optimizer: 'adam',
          params: { lr: 0.01, betas: [0.9, 0.999] },
          schedule: { name: 'OneCycleLR', params: { max_lr: 0.05, total_steps: 150 } },
        },
        { optimizer: 'sgd', params: { lr: 1e-3 }, start: [0.5, 0.5] },
      ],
    };
    const r = simulate('-', JSON.stringify(scenario));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.runs).toHaveLength(2);
    const [a, b] = out.runs;
    expect(a.trajectory).toHaveLength(151);
    expect(a.trajectory[0]).toEqual([-1.2, 1.0]);
    expect(a.losses).toHaveLength(151);
    expect(a.losses[0]).toBeCloseTo((1 + 1.2) ** 2 + 100 * (1 - 1.44) ** 2, 12);
    expect(a.lrs).toHaveLength(150);
    // OneCycleLR starts at max_lr / div_factor (25) whatever the optimizer's lr.
    expect(a.lrs[0]).toBeCloseTo(0.05 / 25, 15);
    expect(a.diverged_at).toBeNull();
    expect(b.trajectory[0]).toEqual([0.5, 0.5]);
  });

  it('exits non-zero with a message naming the field of a bad scenario', () => {
    const r = simulate(
      '-',
      JSON.stringify({
        surface: { expression: 'x^2' },
        runs: [{ optimizer: 'sgd', params: { lr: 'fast' } }],
      }),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/runs\[0\]\.params\.lr: must be a finite number/);
    expect(r.out).toBe('');
  });

  it('points to --list for an unknown surface', () => {
    const r = simulate('-', '{"surface": {"id": "nope"}, "runs": [{"optimizer": "sgd"}]}');
    expect(r.code).toBe(2);
    expect(r.err).toBe('simulate: surface.id: unknown surface "nope" (see simulate --list)\n');
    expect(r.out).toBe('');
  });

  it('prints its usage: exit 0 when asked, 2 for wrong arguments', () => {
    expect(simulate('--help').code).toBe(0);
    const r = simulate(['a.json', 'b.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage: simulate FILE/);
  });

  it('says so when the input is not JSON', () => {
    const r = simulate('-', '{"surface": ');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not valid JSON/);
  });

  it('reports a diverging run with the step it diverged at', () => {
    const r = simulate(
      '-',
      JSON.stringify({
        surface: { expression: 'x^2 + y^2' },
        start: [1, 1],
        steps: 2000,
        runs: [{ optimizer: 'sgd', params: { lr: 10 } }],
      }),
    );
    const run = JSON.parse(r.out).runs[0];
    expect(run.diverged_at).toBeGreaterThan(10);
    expect(run.trajectory).toHaveLength(run.diverged_at);
    expect(run.lrs).toHaveLength(run.diverged_at);
    expect(run.stopped.reason).toBe('diverged');
  });

  it('--curvature adds the Hessian analysis at the start and the end of each run', () => {
    // f = x² + 10y²: H = diag(2, 20) everywhere; GD is stable for lr < 2/20.
    const r = simulate(
      ['--curvature', '-'],
      JSON.stringify({
        surface: { expression: 'x^2 + 10*y^2' },
        start: [1, 1],
        steps: 50,
        runs: [{ optimizer: 'sgd', params: { lr: 0.05 } }],
      }),
    );
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out).runs[0].curvature;
    expect(c.start.point).toEqual([1, 1]);
    expect(c.start.hessian).toEqual([2, 0, 20]);
    expect(c.start.eigenvalues).toEqual([20, 2]);
    expect(c.start.condition_number).toBe(10);
    expect(c.start.sharpness).toBe(20);
    expect(c.start.stability_limit).toBeCloseTo(0.1, 15);
    expect(c.end.classification).toBe('minimum');
  });

  it('--list prints the catalog with ids, names, parameters and minima', () => {
    const r = simulate('--list');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; name: string; critical_points?: unknown[] }[];
    const ids = list.map((s) => s.id);
    for (const id of ['rosenbrock', 'ravine', 'saddle', 'himmelblau', 'logistic', 'custom'])
      expect(ids).toContain(id);
    expect(list.find((s) => s.id === 'rosenbrock')!.critical_points).toContainEqual(
      expect.objectContaining({ x: 1, y: 1, f: 0 }),
    );
  });
});
