/**
 * `npm run bench`: bundle bench/run.ts with esbuild, then run the bundle in plain Node.
 *
 * Why not `tsx bench/run.ts`: tsx's module loader hands sources between threads in transferred
 * ArrayBuffers, and the first detached ArrayBuffer in a process makes V8 check every typed-array
 * access for detachment from then on. The lab's code is typed-array heavy, so timings under tsx
 * measure that loader artifact, which neither the app's bundle in the browser nor a plain Node
 * run pays. A bundle measures the code as it ships.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// One directory below the root, like bench/ itself, so `new URL('..', import.meta.url)` in the
// benchmarks still names the repository root.
// The models and sweeps suites' worker threads (the page's network and sweep workers) load
// their own bundles, built beside it.
const outfile = `${root}.bench/run.mjs`;
await build({
  entryPoints: [
    `${root}bench/run.ts`,
    `${root}bench/networkPoolWorker.ts`,
    `${root}bench/sweepWorker.ts`,
  ],
  outdir: `${root}.bench`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// A child Node with the collector exposed: each benchmark starts from a collected heap, so one
// suite's garbage (mathjs's evaluate makes plenty) is not collected inside the next one's timing.
const child = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exitCode = child.status ?? 1;
