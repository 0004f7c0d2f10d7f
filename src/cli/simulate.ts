/**
 * `npm run -s simulate -- FILE` — run a scenario headlessly and print JSON.
 * FILE is a path, `-` for standard input, or a share link (https://…#s=…) once links exist.
 * `--list` prints the surface catalog. Exit code 2 on a bad scenario, with a message naming
 * the field.
 */
import { readFileSync } from 'node:fs';
import { FieldError } from '../engine/validateParams.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { runScenario } from '../scenario/runScenario.ts';
import { toSimulatedRun } from '../scenario/simulateOutput.ts';
import { catalogListing } from '../scenario/catalogListing.ts';

const USAGE = `usage: simulate FILE | -      run the scenario in FILE (or standard input), print JSON
       simulate --list            print the surface catalog as JSON`;

function fail(message: string, code = 2): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  if (argv.length !== 1 || argv[0] === '-h' || argv[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(argv[0] === '-h' || argv[0] === '--help' ? 0 : 2);
  }
  const arg = argv[0];
  if (arg === '--list') {
    process.stdout.write(`${JSON.stringify(catalogListing(), null, 2)}\n`);
    return;
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
    const scenario = parseScenario(data);
    const { results } = runScenario(scenario);
    const runs = results.map((r, i) => toSimulatedRun(scenario.runs[i].optimizer, r));
    process.stdout.write(`${JSON.stringify({ runs })}\n`);
  } catch (e) {
    if (e instanceof FieldError) fail(e.message);
    throw e;
  }
}

main(process.argv.slice(2));
