/**
 * `npx tsx scripts/make_torch_export_network.ts` — writes tests/fixtures/torch_export_network.json:
 * "Copy as PyTorch" scripts of network scenarios, run under real torch (/usr/bin/python3, Debian's
 * python3-torch), and the losses they print. tests/scenario/exportTorchModel.test.ts checks that
 * the lab's own runs print the same (within 1e-9) and that the scripts are still the ones torch
 * ran (their SHA-256): change the export and this script must be run again.
 *
 * torch < 2.9 lacks torch.optim.Muon: scripts/torch_ref's float64 rule stands in for it (and for
 * Adafactor before 2.5), as in the optimizer fixtures.
 *
 * Exits non-zero when torch's losses and the lab's differ by more than 1e-9, so a fixture is only
 * written for an export that reproduces the lab.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTorch } from '../src/scenario/exportTorch.ts';
import { parseModelScenario } from '../src/scenario/modelScenario.ts';
import { runModelScenario } from '../src/scenario/runModelScenario.ts';
import { EXPORT_NETWORK_CASES } from '../tests/scenario/exportNetworkCases.ts';

const PYTHON = '/usr/bin/python3';
const TOL = 1e-9;
const dir = mkdtempSync(join(tmpdir(), 'torch-export-network-'));

interface PrintedRun {
  batch_losses: number[];
  full_losses: number[];
  stopped: string;
}

/** The losses a script printed, per run (the line formats of networkRuntime.ts's train()). */
function parsePrinted(stdout: string): PrintedRun[] {
  const runs: PrintedRun[] = [];
  for (const line of stdout.split('\n')) {
    let m = /: full loss at the start (\S+)$/.exec(line);
    if (m) {
      runs.push({ batch_losses: [], full_losses: [Number(m[1])], stopped: '' });
      continue;
    }
    const run = runs[runs.length - 1];
    m = /^ {2}step (\d+): batch loss (\S+), full loss after (\S+)$/.exec(line);
    if (m) {
      run.batch_losses.push(Number(m[2]));
      run.full_losses.push(Number(m[3]));
      continue;
    }
    m = /: (finished|diverged at step \d+|stopped at step \d+[^;]*); full loss/.exec(line);
    if (m) run.stopped = m[1];
  }
  return runs;
}

const worstDifference = (a: readonly number[], b: ArrayLike<number>) => {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
  return worst;
};

/**
 * Runs the script given as argv[1]; where this torch lacks torch.optim.Muon or Adafactor, the
 * rules scripts/torch_ref/adafactor_muon.py writes out after torch 2.x (in float64, where torch's
 * Muon runs Newton-Schulz in bfloat16) stand in, as for the optimizer fixtures.
 */
const STAND_INS = `
import runpy, sys, torch
sys.path.insert(0, ${JSON.stringify(new URL('.', import.meta.url).pathname)})
from torch_ref import adafactor_muon
for name in ('Muon', 'Adafactor'):
    if not hasattr(torch.optim, name):
        setattr(torch.optim, name, getattr(adafactor_muon, name))
runpy.run_path(sys.argv[1], run_name='__main__')
`;

const version = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
  encoding: 'utf8',
}).stdout.trim();
let failed = false;
const cases = EXPORT_NETWORK_CASES.map(({ name, scenario: json }) => {
  const scenario = parseModelScenario(json);
  const code = exportTorch(scenario);
  const file = join(dir, `${name.replace(/\W+/g, '_')}.py`);
  writeFileSync(file, code);
  const t0 = Date.now();
  const r = spawnSync(PYTHON, ['-c', STAND_INS, file], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${name}: python failed:\n${r.stderr}`);
  const runs = parsePrinted(r.stdout);
  const { results } = runModelScenario(scenario);
  results.forEach((lab, i) => {
    const steps = lab.points - 1;
    const worst = Math.max(
      worstDifference(runs[i].batch_losses, lab.batchLosses.subarray(0, steps)),
      worstDifference(runs[i].full_losses, lab.losses.subarray(0, lab.points)),
    );
    const ok = worst <= TOL;
    if (!ok) failed = true;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${name}, run ${i + 1} (${scenario.runs[i].optimizer}): ${steps} steps, worst relative difference ${worst.toExponential(2)} (${runs[i].stopped})`,
    );
  });
  console.log(`     (torch took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return { name, script_sha256: createHash('sha256').update(code).digest('hex'), runs };
});
if (failed) {
  console.error('torch and the lab disagree: fixture not written');
  process.exit(1);
}
const out = new URL('../tests/fixtures/torch_export_network.json', import.meta.url);
const standIns = spawnSync(
  PYTHON,
  [
    '-c',
    "import torch; print(','.join(n for n in ('Muon', 'Adafactor') if not hasattr(torch.optim, n)))",
  ],
  { encoding: 'utf8' },
).stdout.trim();
const note = standIns
  ? `torch.optim.${standIns.split(',').join(' and ')}: scripts/torch_ref/adafactor_muon.py's float64 rule (this torch lacks it)`
  : null;
writeFileSync(out, `${JSON.stringify({ torch_version: version, stand_ins: note, cases })}\n`);
console.log(`wrote ${out.pathname}`);
