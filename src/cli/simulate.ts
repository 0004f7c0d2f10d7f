/**
 * `npm run -s simulate -- FILE` — run a scenario headlessly and print JSON.
 * FILE is a path, `-` for standard input, or a share link (`https://…#s=…` or `#s=…`): a link
 * is decoded exactly as the page decodes it, so the trajectories are the ones the page shows.
 * `--list` prints the surface catalog. Exit code 2 on a bad scenario, with a message naming
 * the field.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FieldError } from '../engine/validateParams.ts';
import { parseScenario, ScenarioError } from '../scenario/parseScenario.ts';
import { runScenario } from '../scenario/runScenario.ts';
import { toSimulatedRun, type SimulatedRun } from '../scenario/simulateOutput.ts';
import { curvatureAtEnds } from '../scenario/curvatureOutput.ts';
import { catalogListing } from '../scenario/catalogListing.ts';
import { computeSweep } from '../scenario/sweep/sweepResult.ts';
import { toSimulatedSweep } from '../scenario/sweep/sweepOutput.ts';
import { decodeLink } from '../scenario/shareLink.ts';
import type { Scenario } from '../scenario/scenario.ts';
import {
  isModelScenario,
  parseModelScenario,
  type ModelScenario,
} from '../scenario/modelScenario.ts';
import { runModelScenario } from '../scenario/runModelScenario.ts';
import { toSimulatedModelRun, toSimulatedSlice } from '../scenario/simulateModelOutput.ts';

const USAGE = `usage: simulate FILE | -      run the scenario in FILE (or standard input), print JSON
       simulate 'URL#s=…'         run the scenario in a share link (a full URL or '#s=…')
       simulate --list            print the surface catalog as JSON
options: --curvature             add the Hessian analysis at each run's start and end point`;

/** Where the command writes: process.stdout / process.stderr, or a test's buffers. */
export interface Output {
  write(text: string): unknown;
}

/** A share link rather than a file name: a URL, or a bare fragment. */
const isLink = (arg: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || arg.startsWith('#');

/** Ends the command with an exit code (thrown, so the steps below need no error plumbing). */
class Exit {
  constructor(readonly code: number) {}
}

/**
 * Run the command: `args` as after `simulate`, `stdin` read only for `-`. Returns the exit
 * code: 0, or 2 for a bad scenario or bad usage.
 */
export function main(
  args: readonly string[],
  stdin: () => string,
  stdout: Output,
  stderr: Output,
): number {
  const report = (message: string) => {
    stderr.write(`simulate: ${message}\n`);
    return 2;
  };
  const fail = (message: string): never => {
    throw new Exit(report(message));
  };
  const withCurvature = args.includes('--curvature');

  const runAndPrint = (scenario: Scenario) => {
    const { built, results } = runScenario(scenario);
    const runs = results.map((r, i) => {
      const out: SimulatedRun & { curvature?: unknown } = toSimulatedRun(
        scenario.runs[i].optimizer,
        r,
      );
      if (withCurvature) out.curvature = curvatureAtEnds(built.objective, out.trajectory);
      return out;
    });
    // A sweep: every cell on this thread, the same numbers the page's workers compute.
    const sweep = scenario.sweep ? toSimulatedSweep(computeSweep(scenario)) : undefined;
    stdout.write(`${JSON.stringify(sweep ? { runs, sweep } : { runs })}\n`);
  };

  /**
   * Decode a link as the page does: what can be read is run, and what was dropped or reset is
   * reported on standard error. A link with nothing usable exits with status 2.
   */
  const scenarioFromLink = (link: string): Scenario | ModelScenario => {
    const decoded = decodeLink(link);
    for (const p of decoded.problems) stderr.write(`simulate: link: ${p}\n`);
    if (decoded.status === 'default') fail('the link holds no usable scenario');
    return decoded.scenario;
  };

  /** A network scenario: every run's losses and final weights, and the slice if asked for. */
  const runModelAndPrint = (scenario: ModelScenario) => {
    if (withCurvature) fail('--curvature is for surfaces; a network scenario has no 2-D Hessian');
    const { results, slice } = runModelScenario(scenario);
    const runs = results.map((r, i) => toSimulatedModelRun(scenario.runs[i].optimizer, r));
    const out: Record<string, unknown> = { runs };
    if (slice) out.slice = toSimulatedSlice(slice);
    if (scenario.sweep) out.sweep = toSimulatedSweep(computeSweep(scenario));
    stdout.write(`${JSON.stringify(out)}\n`);
  };

  const scenarioFromFile = (arg: string): Scenario | ModelScenario => {
    let source = '';
    try {
      source = arg === '-' ? stdin() : readFileSync(arg, 'utf8');
    } catch (e) {
      fail(`cannot read ${arg === '-' ? 'standard input' : arg}: ${(e as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch (e) {
      fail(`the scenario is not valid JSON: ${(e as Error).message}`);
    }
    return isModelScenario(data) ? parseModelScenario(data) : parseScenario(data);
  };

  try {
    const argv = args.filter((a) => a !== '--curvature');
    if (argv.length !== 1 || argv[0] === '-h' || argv[0] === '--help') {
      stderr.write(`${USAGE}\n`);
      return argv[0] === '-h' || argv[0] === '--help' ? 0 : 2;
    }
    const arg = argv[0];
    if (arg === '--list') stdout.write(`${JSON.stringify(catalogListing(), null, 2)}\n`);
    else {
      const scenario = isLink(arg) ? scenarioFromLink(arg) : scenarioFromFile(arg);
      if ('model' in scenario) runModelAndPrint(scenario);
      else runAndPrint(scenario);
    }
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof ScenarioError && e.issue.kind === 'unknown-name' && e.path === 'surface.id')
      return report(`${e.message} (see simulate --list)`);
    if (e instanceof FieldError) return report(e.message);
    throw e;
  }
}

// Run when executed (`tsx src/cli/simulate.ts …`), not when a test imports main.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exitCode = main(
    process.argv.slice(2),
    () => readFileSync(0, 'utf8'),
    process.stdout,
    process.stderr,
  );
