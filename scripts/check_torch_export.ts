/**
 * `npx tsx scripts/check_torch_export.ts [N]` — run "Copy as PyTorch" scripts under real torch
 * and compare with the lab's engine. Needs /usr/bin/python3 with torch (Debian python3-torch);
 * not part of `npm test` because CI machines may not have torch (tests/scenario/exportTorch.test.ts
 * checks the scripts' structure instead).
 *
 * Every preset is exported and run; the final point of each run must match the engine's to
 * 1e-6 (relative), and a diverged or stopped run must stop at the same step. Then N random
 * scenarios (default 40) cover every optimizer, schedule and surface; chaotic runs can amplify
 * rounding differences, so for those the script reports how many agree rather than failing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTorch } from '../src/scenario/exportTorch.ts';
import { parseScenario } from '../src/scenario/parseScenario.ts';
import { PRESETS } from '../src/scenario/presets/index.ts';
import { runScenario } from '../src/scenario/runScenario.ts';
import type { Scenario } from '../src/scenario/scenario.ts';
import { Rng, randomScenario } from '../tests/scenario/randomScenario.ts';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'torch-export-'));

interface Outcome {
  stopped: string;
  w: [number, number];
}

function runPython(name: string, code: string): Outcome[] | string {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, code);
  const r = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return `python failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const m =
        /: (finished|diverged at step \d+|stopped at step \d+[^;]*); w = \((\S+), (\S+)\), loss/.exec(
          line,
        );
      if (!m) throw new Error(`unexpected output line: ${line}`);
      return { stopped: m[1], w: [Number(m[2]), Number(m[3])] };
    });
}

const close = (a: number, b: number, tol: number) =>
  (Number.isNaN(a) && Number.isNaN(b)) ||
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function compare(name: string, s: Scenario, tol: number): { ok: number; bad: string[] } {
  const { results } = runScenario(s);
  const py = runPython(name, exportTorch(s));
  if (typeof py === 'string') return { ok: 0, bad: [`${name}: ${py}`] };
  const bad: string[] = [];
  let ok = 0;
  results.forEach((r, i) => {
    const n = r.points - 1;
    const lab: [number, number] = [r.trajectory[2 * n], r.trajectory[2 * n + 1]];
    const stop = r.stop
      ? r.stop.reason === 'diverged'
        ? `diverged at step ${r.stop.step}`
        : `stopped at step ${r.stop.step}`
      : 'finished';
    const same =
      py[i].stopped.startsWith(stop) &&
      close(lab[0], py[i].w[0], tol) &&
      close(lab[1], py[i].w[1], tol);
    if (same) ok++;
    else
      bad.push(
        `${name} run ${i + 1} (${s.runs[i].optimizer}${s.runs[i].schedule ? ` + ${s.runs[i].schedule!.name}` : ''}): lab ${stop} at (${lab[0]}, ${lab[1]}), torch ${py[i].stopped} at (${py[i].w[0]}, ${py[i].w[1]})`,
      );
  });
  return { ok, bad };
}

let failed = false;
let total = 0;
let agreed = 0;
for (const p of PRESETS) {
  const { ok, bad } = compare(p.id, parseScenario(p.scenario), 1e-6);
  total += ok + bad.length;
  agreed += ok;
  for (const b of bad) console.log(`MISMATCH ${b}`);
  if (bad.length) failed = true;
}
console.log(`presets: ${agreed}/${total} runs match torch to 1e-6`);

const n = Number(process.argv[2] ?? 40);
const rng = new Rng(7);
let rTotal = 0;
let rAgreed = 0;
const rBad: string[] = [];
for (let i = 0; i < n; i++) {
  // Keep the scripts quick: at most 300 steps.
  let s = randomScenario(rng);
  while (s.steps > 300) s = randomScenario(rng);
  const { ok, bad } = compare(`random${i}`, s, 1e-6);
  rTotal += ok + bad.length;
  rAgreed += ok;
  rBad.push(...bad);
}
for (const b of rBad) console.log(`differs ${b}`);
console.log(
  `random scenarios: ${rAgreed}/${rTotal} runs match torch to 1e-6 (the rest listed above)`,
);
process.exit(failed ? 1 : 0);
