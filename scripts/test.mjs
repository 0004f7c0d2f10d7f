#!/usr/bin/env node
// `npm test`: every test — unit tests, then the built app driven in Chromium.
// Prints one closing line "tests: N passed, N failed" summed over both suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `npm test: the browser tests need Chromium at ${chromium} and found none.\n` +
      '  On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  Or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
  process.exit(1);
}

mkdirSync('test-artifacts', { recursive: true });
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

const counts = { passed: 0, failed: 0 };
function tally(file) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests ?? 0;
  const failed = r.numFailedTests ?? 0;
  counts.failed += failed;
  // A file that failed to load has no failed tests but fails the run: count it once.
  if (r.success === false && failed === 0) counts.failed += Math.max(1, r.numFailedTestSuites ?? 0);
  return true;
}

const vitest = (config, out) => [
  'vitest',
  'run',
  ...(config ? ['--config', config] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
];

let status = run('npx', vitest(null, 'test-artifacts/unit.json'));
if (!tally('test-artifacts/unit.json')) counts.failed++;

// Browser tests run against the production build, as a user would get it.
let buildStatus = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (buildStatus !== 0) {
  console.error('npm test: the production build failed, so the browser tests cannot run.');
  counts.failed++;
  status = status || buildStatus;
} else {
  const b = run('npx', vitest('vitest.browser.config.ts', 'test-artifacts/browser.json'));
  if (!tally('test-artifacts/browser.json')) counts.failed++;
  status = status || b;
}

console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(status !== 0 || counts.failed > 0 ? 1 : 0);
