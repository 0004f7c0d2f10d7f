/**
 * `npm run bench`: every benchmark, medians of repeated runs measured in this one process, with
 * budgets and ratios against baselines measured in the same run. Exits 1 if a row is over.
 */
import { formatRow, rowPasses, type BenchRow } from './harness.ts';
import { benchEngine } from './engine.bench.ts';
import { benchExpression } from './expression.bench.ts';
import { benchGrid } from './grid.bench.ts';
import { benchModels } from './models.bench.ts';
import { benchShareLink } from './shareLink.bench.ts';
import { benchSweeps } from './sweep.bench.ts';
import { benchBrowser } from './browser.bench.ts';

const suites: [string, () => BenchRow[] | Promise<BenchRow[]>][] = [
  ['engine', benchEngine],
  ['expression surfaces', benchExpression],
  ['grid sampler and contours', benchGrid],
  ['share links', benchShareLink],
  ['models', benchModels],
  ['sweeps', benchSweeps],
  // JavaScript per frame in headless Chromium (builds dist/ first if it is missing).
  ['the page in Chromium', benchBrowser],
];

// BENCH_ONLY=engine (a suite name's start) runs one suite, for work on it.
const only = process.env.BENCH_ONLY;
let over = 0;
for (const [name, run] of suites) {
  if (only && !name.startsWith(only)) continue;
  console.log(`\n## ${name}`);
  for (const row of await run()) {
    console.log(formatRow(row));
    if (!rowPasses(row)) over++;
  }
}
console.log(`\n${over === 0 ? 'all within budget' : `${over} over budget`}`);
process.exitCode = over === 0 ? 0 : 1;
