import { OPTIMIZERS, OPTIMIZER_LIST } from '../../src/engine/optimizers/index.ts';
import type { ParamSpec } from '../../src/engine/params.ts';
import { SCHEDULE_LIST } from '../../src/engine/schedules/index.ts';
import { specsOf } from '../../src/engine/validateParams.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { LIMITS, type Scenario } from '../../src/scenario/scenario.ts';
import { SURFACE_LIST } from '../../src/surfaces/catalog/index.ts';

/**
 * A seeded generator of valid scenarios for round-trip tests: random surfaces and parameters
 * anywhere in their specs' ranges (edges included), random optimizers, schedules, 1–8 runs,
 * unicode labels, colours and views. Fields are left out at random so defaults are exercised.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A number in [min, max] (respecting open ends), sometimes an edge or a "round" value. */
function numberIn(
  rng: Rng,
  min: number,
  max: number,
  exMin = false,
  exMax = false,
  integer = false,
  log = false,
): number {
  const lo = exMin
    ? integer
      ? Math.floor(min) + 1
      : min + Math.max(Math.abs(min) * 1e-12, 1e-300)
    : min;
  const hi = exMax
    ? integer
      ? Math.ceil(max) - 1
      : max - Math.max(Math.abs(max) * 1e-12, 1e-300)
    : max;
  const r = rng.next();
  let v: number;
  if (r < 0.1) v = lo;
  else if (r < 0.2) v = hi;
  else if (log && lo > 0) v = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
  else if (r < 0.4) v = Number((lo + rng.next() * (hi - lo)).toPrecision(rng.int(1, 3)));
  else v = lo + rng.next() * (hi - lo);
  if (integer) v = Math.round(v);
  v = Math.min(Math.max(v, lo), hi);
  return v === 0 ? 0 : v; // never −0
}

function paramValue(rng: Rng, s: ParamSpec): unknown {
  switch (s.kind) {
    case 'number':
      if (s.nullable && rng.chance(0.3)) return null;
      return numberIn(rng, s.min, s.max, s.exclusiveMin, s.exclusiveMax, s.integer, s.log);
    case 'boolean':
      return rng.chance(0.5);
    case 'choice':
      return rng.pick(s.choices);
    case 'tuple':
      return s.default.map(() => numberIn(rng, s.min, s.max, s.exclusiveMin, s.exclusiveMax));
    case 'list': {
      const n = rng.int(0, Math.min(s.maxLength, 5));
      const xs = new Set<number>();
      for (let i = 0; i < n; i++)
        xs.add(numberIn(rng, s.min, Math.min(s.max, 5000), false, false, s.integer));
      return [...xs].sort((a, b) => a - b);
    }
  }
}

/** Random values for some of the specs (the others are left to their defaults). */
function params(rng: Rng, specs: readonly ParamSpec[], fixed: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = { ...fixed };
  for (const s of specs) if (!(s.name in out) && rng.chance(0.5)) out[s.name] = paramValue(rng, s);
  return out;
}

const LABEL_PIECES = [
  'SGD',
  'Adam',
  'lr 0.1',
  ' ',
  'é',
  'ß',
  'Ω',
  '中文',
  '日本語',
  'עברית',
  'مرحبا',
  '🙂',
  '👩🏽‍🔬',
  '🇺🇳',
  'e\u0301',
  '"',
  '\\',
  "'",
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '\u200d',
  '\t',
  '\n',
  '\u202e',
  '\ud800', // a lone surrogate survives JSON and must survive the link too
];

function label(rng: Rng): string {
  let s = '';
  const n = rng.int(0, 6);
  for (let i = 0; i < n; i++) s += rng.pick(LABEL_PIECES);
  return s.slice(0, LIMITS.maxLabel);
}

const hex = (rng: Rng) =>
  `#${Array.from({ length: 6 }, () => rng.pick([...'0123456789abcdefABCDEF'])).join('')}`;

const EXPRESSIONS = [
  'x^2 + y^2',
  '(1-x)^2 + 100*(y-x^2)^2',
  'sin(x)*cos(y) + 0.1*(x^2+y^2)',
  'log(1 + x^2 + y^2, 10)',
  'sqrt(1 + x^2 + 4*y^2)',
  'abs(x) + tanh(y)^2',
  '-exp(-(x - pi)^2 - (y - e)^2)',
  'x^4 - 3*x*y^2 + atan(y)',
];

function surface(rng: Rng) {
  if (rng.chance(0.2)) {
    const ref: Record<string, unknown> = { expression: rng.pick(EXPRESSIONS) };
    if (rng.chance(0.5)) {
      const a = numberIn(rng, -100, 99);
      const b = numberIn(rng, -100, 99);
      ref.domain = [a, a + numberIn(rng, 0.5, 50), b, b + numberIn(rng, 0.5, 50)];
    }
    return ref;
  }
  const def = rng.pick(SURFACE_LIST);
  return rng.chance(0.3) ? { id: def.id } : { id: def.id, params: params(rng, def.params) };
}

function run(rng: Rng, steps: number) {
  const def = rng.pick(OPTIMIZER_LIST);
  const fixed =
    def.id === 'sam'
      ? { base: rng.pick(['sgd', 'adam', 'adamw', 'lion', 'rmsprop', 'adagrad']) }
      : {};
  const r: Record<string, unknown> = { optimizer: def.id };
  if (rng.chance(0.8)) r.params = params(rng, specsOf(OPTIMIZERS[def.id], fixed), fixed);
  if (rng.chance(0.5)) {
    const sdef = rng.pick(SCHEDULE_LIST);
    r.schedule = rng.chance(0.3)
      ? { name: sdef.id }
      : { name: sdef.id, params: params(rng, sdef.params) };
  }
  if (rng.chance(0.3)) r.start = [numberIn(rng, -1e6, 1e6), numberIn(rng, -5, 5)];
  if (rng.chance(0.3)) r.swa = { start: rng.int(0, steps) };
  if (rng.chance(0.5)) r.label = label(rng);
  if (rng.chance(0.4)) r.color = hex(rng);
  if (rng.chance(0.2)) r.visible = rng.chance(0.5);
  return r;
}

/** One random valid scenario (as parsed), retrying the parts torch's constructors refuse. */
export function randomScenario(rng: Rng): Scenario {
  const steps = rng.chance(0.3) ? 200 : rng.int(1, rng.chance(0.9) ? 500 : LIMITS.maxSteps);
  const json: Record<string, unknown> = { version: 1, surface: surface(rng), steps };
  if (rng.chance(0.3)) delete json.version;
  if (rng.chance(0.3)) json.start = [numberIn(rng, -10, 10), numberIn(rng, -1e6, 1e6)];
  if (rng.chance(0.4))
    json.noise = {
      sigma: rng.chance(0.5) ? 0 : numberIn(rng, 0, 1000),
      seed: rng.int(0, 2 ** 32 - 1),
    };
  const n = rng.int(1, LIMITS.maxRuns);
  const runs: unknown[] = [];
  while (runs.length < n) {
    const r = run(rng, steps);
    try {
      parseScenario({ surface: { id: 'ravine' }, steps, runs: [r] });
      runs.push(r);
    } catch {
      // e.g. nesterov without momentum, or a OneCycleLR cycle shorter than the run: draw again
    }
  }
  json.runs = runs;
  if (rng.chance(0.6)) {
    const view: Record<string, unknown> = {};
    if (rng.chance(0.5)) view.mode = rng.pick(['3d', '2d']);
    if (rng.chance(0.5)) view.logHeight = rng.pick([true, false, null]);
    if (rng.chance(0.5))
      view.camera = rng.chance(0.2)
        ? null
        : {
            position: [0, 1, 2].map(() => numberIn(rng, -1e4, 1e4)),
            target: [0, 1, 2].map(() => numberIn(rng, -10, 10)),
          };
    if (rng.chance(0.5)) view.playhead = rng.int(0, steps);
    json.view = view;
  }
  if (rng.chance(0.3)) {
    // A sweep the runs accept (a range end a run refuses, or too much work, draws again).
    for (let tries = 0; tries < 5; tries++) {
      const sweep = randomSweep(rng, runs as Record<string, unknown>[]);
      try {
        return parseScenario({ ...json, sweep });
      } catch {
        // draw again
      }
    }
  }
  return parseScenario(json);
}

const METRICS = ['final_loss', 'best_loss', { steps_to: 1e-3 }, { steps_to: 0.5 }];

/** A random `sweep` over these runs, fields left out at random so defaults are exercised. */
function randomSweep(rng: Rng, runs: Record<string, unknown>[]): Record<string, unknown> {
  const kind = rng.pick(['lr', 'grid2', 'basins', 'seeds'] as const);
  const out: Record<string, unknown> = { kind };
  const run = rng.int(0, runs.length - 1);
  if (kind === 'lr' ? rng.chance(0.4) : rng.chance(0.7)) out.run = run;
  const logRange = () => {
    const a = numberIn(rng, 1e-6, 1, false, false, false, true);
    return [a, a * numberIn(rng, 1.5, 1e4), 'log'];
  };
  const linearRange = () => {
    const a = numberIn(rng, -100, 100);
    return [a, a + numberIn(rng, 0.1, 50), 'linear'];
  };
  if (kind === 'lr') {
    if (rng.chance(0.5)) out.ranges = [logRange()];
    if (rng.chance(0.5)) out.resolution = [rng.int(1, 60)];
  } else if (kind === 'grid2') {
    out.params = rng.pick([
      ['lr', 'weight_decay'],
      ['lr', 'momentum'],
      ['lr', 'betas[1]'],
      ['weight_decay', 'lr'],
      ['lr', 'eps'],
    ]);
    if (rng.chance(0.3)) out.ranges = [logRange(), [0, numberIn(rng, 0.01, 0.5), 'linear']];
    if (rng.chance(0.5)) out.resolution = [rng.int(1, 40), rng.int(1, 40)];
  } else if (kind === 'basins') {
    if (rng.chance(0.5)) out.ranges = [linearRange(), linearRange()];
    if (rng.chance(0.5)) out.resolution = [rng.int(1, 100), rng.int(1, 100)];
  }
  if (rng.chance(0.5)) out.seeds = rng.int(1, kind === 'seeds' ? 64 : 5);
  if (rng.chance(0.5)) out.metric = rng.pick(METRICS);
  return out;
}
