import { describe, expect, it } from 'vitest';
import {
  exportTrajectoriesCSV,
  exportTrajectoriesJSON,
  csvField,
} from '../../src/scenario/exportTrajectories.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';
import { runScenario } from '../../src/scenario/runScenario.ts';
import { toSimulatedRun } from '../../src/scenario/simulateOutput.ts';
import type { RunResult } from '../../src/engine/run.ts';

/** A minimal RFC 4180 reader, to check the writer against the standard's rules. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('exportTrajectoriesCSV', () => {
  const scenario = parseScenario({
    surface: { id: 'ravine' },
    steps: 60,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 }, label: 'plain, "quoted"\nand multi-line' },
      { optimizer: 'adam', params: { lr: 0.05 }, swa: { start: 10 } },
      { optimizer: 'sgd', params: { lr: 1e6 }, label: '=HYPERLINK("http://evil")' },
    ],
  });
  const { results } = runScenario(scenario);
  const text = exportTrajectoriesCSV(scenario, results);
  const rows = readCsv(text);

  it('has the documented columns, CRLF line ends and one row per iterate', () => {
    expect(rows[0]).toEqual([
      'run',
      'label',
      'optimizer',
      'step',
      'x',
      'y',
      'loss',
      'lr',
      'grad_norm',
      'swa_x',
      'swa_y',
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    const points = results.reduce((n, r) => n + r.points, 0);
    expect(rows).toHaveLength(1 + points);
    for (const row of rows) expect(row).toHaveLength(11);
  });

  it('quotes labels as RFC 4180 says and reads back exactly', () => {
    expect(rows[1][1]).toBe('plain, "quoted"\nand multi-line');
    expect(text).toContain('"plain, ""quoted""\nand multi-line"');
    // An unlabelled run is named after its optimizer and settings (runLabel's automatic label).
    expect(rows.find((r) => r[0] === '2')![1]).toBe('Adam (lr 0.05)');
  });

  it('defuses labels a spreadsheet would run as a formula', () => {
    const row = rows.find((r) => r[0] === '3')!;
    expect(row[1]).toBe('\'=HYPERLINK("http://evil")');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
  });

  it('writes the exact numbers: x, y, loss, lr and grad_norm read back to the same doubles', () => {
    const r = results[0];
    const mine = rows.filter((row) => row[0] === '1');
    expect(mine).toHaveLength(r.points);
    mine.forEach((row, k) => {
      expect(Number(row[3])).toBe(k);
      expect(Number(row[4])).toBe(r.trajectory[2 * k]);
      expect(Number(row[5])).toBe(r.trajectory[2 * k + 1]);
      expect(Number(row[6])).toBe(r.losses[k]);
      expect(Number(row[8])).toBe(r.gradNorms[k]);
      if (k < r.points - 1) expect(Number(row[7])).toBe(r.lrs[k]);
      else expect(row[7]).toBe('');
    });
  });

  it('fills swa_x, swa_y from the averaging start on, and stops a diverged run at its last finite point', () => {
    const adam = rows.filter((row) => row[0] === '2');
    expect(adam[9][9]).toBe('');
    expect(Number(adam[10][9])).toBe(results[1].swa![20]);
    expect(Number(adam[60][10])).toBe(results[1].swa![121]);
    const diverged = results[2];
    expect(diverged.divergedAt).not.toBeNull();
    expect(rows.filter((row) => row[0] === '3')).toHaveLength(diverged.points);
  });

  it('writes non-finite numbers as Python and pandas read them', () => {
    expect([Infinity, -Infinity, NaN].map(csvField)).toEqual(['inf', '-inf', 'nan']);
  });
});

describe('exportTrajectoriesCSV: side paths and closure evaluations', () => {
  /** A three-iterate result by hand, with what the optimizer adds. */
  const result = (extra: Partial<RunResult>): RunResult => ({
    dim: 2,
    trajectory: Float64Array.from([1, 1, 0.5, 0.5, 0.25, 0.25]),
    losses: Float64Array.from([2, 0.5, 0.125]),
    lrs: Float64Array.from([0.1, 0.1]),
    gradNorms: Float64Array.from([1, 1, 1]),
    points: 3,
    divergedAt: null,
    stop: null,
    swa: null,
    momentum: null,
    sidePaths: [],
    evaluations: null,
    ...extra,
  });
  const scenario = parseScenario({
    surface: { id: 'ravine' },
    steps: 2,
    runs: [
      { optimizer: 'sgd', params: { lr: 0.1 } },
      { optimizer: 'sgd', params: { lr: 0.1 }, swa: { start: 1 } },
      { optimizer: 'sgd', params: { lr: 0.1 } },
    ],
  });
  const results = [
    // An ASGD-like run: ax from step 1.
    result({
      sidePaths: [
        {
          id: 'ax',
          label: 'ASGD average',
          values: Float64Array.from([NaN, NaN, 0.5, 0.5, 0.75, 0.7]),
        },
      ],
    }),
    // A Schedule-Free-like run that also averages with SWA.
    result({
      swa: Float64Array.from([NaN, NaN, 0.5, 0.5, 0.375, 0.375]),
      sidePaths: [
        { id: 'x', label: 'averaged x', values: Float64Array.from([NaN, NaN, 0.6, 0.6, 0.3, 0.3]) },
      ],
    }),
    // An LBFGS-like run: 4 closure calls in step 0, 2 in step 1.
    result({
      evaluations: {
        counts: Uint32Array.from([4, 2]),
        points: new Float64Array(12),
      },
    }),
  ];
  const rows = readCsv(exportTrajectoriesCSV(scenario, results));

  it('adds swa, each side path id present in any run, then evaluations', () => {
    expect(rows[0].slice(9)).toEqual([
      'swa_x',
      'swa_y',
      'ax_x',
      'ax_y',
      'x_x',
      'x_y',
      'evaluations',
    ]);
    for (const row of rows) expect(row).toHaveLength(16);
  });

  it('fills each run’s own columns and leaves the others empty', () => {
    const run = (i: number) => rows.filter((r) => r[0] === String(i)).map((r) => r.slice(9));
    expect(run(1)).toEqual([
      ['', '', '', '', '', '', ''],
      ['', '', '0.5', '0.5', '', '', ''],
      ['', '', '0.75', '0.7', '', '', ''],
    ]);
    expect(run(2)).toEqual([
      ['', '', '', '', '', '', ''],
      ['0.5', '0.5', '', '', '0.6', '0.6', ''],
      ['0.375', '0.375', '', '', '0.3', '0.3', ''],
    ]);
    // The closure calls of the step that produced the iterate: none for the start.
    expect(run(3).map((r) => r[6])).toEqual(['', '4', '2']);
  });

  it('writes no extra columns when no run has them', () => {
    const plain = readCsv(exportTrajectoriesCSV(scenario, [result({}), result({}), result({})]));
    expect(plain[0]).toHaveLength(9);
  });
});

describe('exportTrajectoriesJSON', () => {
  it('is the simulate output, with labels, plus the scenario that made it', () => {
    const scenario = parseScenario(PRESETS_BY_ID['swa'].scenario);
    const { results } = runScenario(scenario);
    const out = JSON.parse(exportTrajectoriesJSON(scenario, results));
    expect(out.scenario).toEqual(scenario);
    expect(parseScenario(out.scenario)).toEqual(scenario);
    expect(out.runs).toHaveLength(1);
    const expected = JSON.parse(JSON.stringify(toSimulatedRun('sgd', results[0])));
    expect(out.runs[0]).toEqual({ ...expected, label: 'SGD + SWA' });
    expect(out.runs[0].swa_trajectory[scenario.steps]).toEqual([
      results[0].swa![2 * scenario.steps],
      results[0].swa![2 * scenario.steps + 1],
    ]);
  });
});
