/**
 * `npm run -s simulate -- FILE` — run a scenario headlessly and print JSON.
 * FILE is a path, `-` for standard input, or a share link (`https://…#s=…` or `#s=…`): a link
 * is decoded exactly as the page decodes it, so the trajectories are the ones the page shows.
 * `--list` prints the surface catalog. Exit code 2 on a bad scenario, with a message naming
 * the field.
 */
import { readFileSync } from 'node:fs';
import { FieldError } from '../engine/validateParams.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { runScenario } from '../scenario/runScenario.ts';
import { toSimulatedRun, type SimulatedRun } from '../scenario/simulateOutput.ts';
import { curvatureAtEnds } from '../scenario/curvatureOutput.ts';
import { catalogListing } from '../scenario/catalogListing.ts';
import { decodeScenarioLink } from '../scenario/shareLink.ts';
import type { Scenario } from '../scenario/scenario.ts';

const USAGE = `usage: simulate FILE | -      run the scenario in FILE (or standard input), print JSON
       simulate 'URL#s=…'         run the scenario in a share link (a full URL or '#s=…')
       simulate --list            print the surface catalog as JSON
options: --curvature             add the Hessian analysis at each run's start and end point`;

/** A share link rather than a file name: a URL, or a bare fragment. */
const isLink = (arg: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || arg.startsWith('#');

/**
 * Decode a link as the page does: what can be read is run, and what was dropped or reset is
 * reported on standard error. A link with nothing usable exits with status 2.
 */
function scenarioFromLink(link: string): Scenario {
  const decoded = decodeScenarioLink(link);
  for (const p of decoded.problems) process.stderr.write(`simulate: link: ${p}\n`);
  if (decoded.status === 'default') fail('the link holds no usable scenario');
  return decoded.scenario;
}

let withCurvature = false;

function runAndPrint(scenario: Scenario): void {
  const { built, results } = runScenario(scenario);
  const runs = results.map((r, i) => {
    const out: SimulatedRun & { curvature?: unknown } = toSimulatedRun(
      scenario.runs[i].optimizer,
      r,
    );
    if (withCurvature) out.curvature = curvatureAtEnds(built.objective, out.trajectory);
    return out;
  });
  process.stdout.write(`${JSON.stringify({ runs })}\n`);
}

function fail(message: string, code = 2): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(code);
}

function main(args: string[]): void {
  withCurvature = args.includes('--curvature');
  const argv = args.filter((a) => a !== '--curvature');
  if (argv.length !== 1 || argv[0] === '-h' || argv[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(argv[0] === '-h' || argv[0] === '--help' ? 0 : 2);
  }
  const arg = argv[0];
  if (arg === '--list') {
    process.stdout.write(`${JSON.stringify(catalogListing(), null, 2)}\n`);
    return;
  }
  if (isLink(arg)) {
    try {
      return runAndPrint(scenarioFromLink(arg));
    } catch (e) {
      if (e instanceof FieldError) fail(e.message);
      throw e;
    }
  }
  let source: string;
  try {
    source = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  } catch (e) {
    fail(`cannot read ${arg === '-' ? 'standard input' : arg}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    fail(`the scenario is not valid JSON: ${(e as Error).message}`);
  }
  try {
    runAndPrint(parseScenario(data));
  } catch (e) {
    if (e instanceof FieldError) fail(e.message);
    throw e;
  }
}

main(process.argv.slice(2));
