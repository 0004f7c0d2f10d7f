import { deflateSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesToBase64url } from '../../src/scenario/base64url.ts';
import { ECHO_LIMIT, MESSAGE_LIMIT } from '../../src/scenario/describeFieldError.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS } from '../../src/scenario/presets/index.ts';
import { decodeLink, encodeScenario } from '../../src/scenario/shareLink.ts';
import { Rng, randomScenario } from './randomScenario.ts';

/**
 * Thousands of damaged and hostile links: every one must come back quickly, without throwing,
 * as a valid scenario (re-parsed to prove it), with problems whenever the link was broken, and
 * must leave Object.prototype alone.
 */
const rng = new Rng(0xf00d);
const pack = (text: string) => bytesToBase64url(deflateSync(strToU8(text), { level: 9 }));
const packJson = (value: unknown) => pack(JSON.stringify(value));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const valid = [
  ...PRESETS.map((p) => encodeScenario(parseScenario(p.scenario))),
  ...Array.from({ length: 40 }, () => encodeScenario(randomScenario(rng))),
];
const base = {
  surface: { id: 'ravine' },
  steps: 50,
  runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }],
};

/** Put a value at every level of a scenario, one level at a time. */
function atEveryLevel(key: string, value: unknown): string[] {
  const out: string[] = [];
  const doc = (path: string) =>
    `{"surface": {"id": "ravine"${path === 'surface' ? `, "${key}": ${JSON.stringify(value)}` : ''}${path === 'sparams' ? `, "params": {"${key}": ${JSON.stringify(value)}}` : ''}}, "steps": 50, "runs": [{"optimizer": "sgd", "params": {"lr": 0.1${path === 'params' ? `, "${key}": ${JSON.stringify(value)}` : ''}}${path === 'run' ? `, "${key}": ${JSON.stringify(value)}` : ''}${path === 'schedule' ? `, "schedule": {"name": "StepLR", "${key}": ${JSON.stringify(value)}}` : ''}${path === 'swa' ? `, "swa": {"start": 1, "${key}": ${JSON.stringify(value)}}` : ''}}]${path === 'root' ? `, "${key}": ${JSON.stringify(value)}` : ''}${path === 'view' ? `, "view": {"${key}": ${JSON.stringify(value)}}` : ''}${path === 'noise' ? `, "noise": {"${key}": ${JSON.stringify(value)}}` : ''}}`;
  for (const path of [
    'root',
    'surface',
    'sparams',
    'run',
    'params',
    'schedule',
    'swa',
    'view',
    'noise',
  ])
    out.push(doc(path));
  return out;
}

interface Case {
  kind: string;
  link: string;
  /** Whether the link is certainly not a valid scenario (so problems must be reported). */
  broken: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (kind: string, link: string, broken = true) => out.push({ kind, link, broken });

  for (let i = 0; i < 600; i++) {
    const v = rng.pick(valid);
    add('truncated', v.slice(0, rng.int(0, v.length - 1)), false);
  }
  for (let i = 0; i < 800; i++) {
    const v = rng.pick(valid).split('');
    const flips = rng.int(1, 4);
    for (let f = 0; f < flips; f++) {
      const k = rng.int(0, v.length - 1);
      const bit = 1 << rng.int(0, 5);
      v[k] = B64[B64.indexOf(v[k]) ^ bit];
    }
    add('bit flip', v.join(''), false);
  }
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(rng.int(0, 3000)).map(() => rng.int(0, 255));
    add('random bytes', bytesToBase64url(bytes), false);
  }
  for (let i = 0; i < 300; i++) {
    const n = rng.int(1, 4000);
    let s = '';
    for (let k = 0; k < n; k++)
      s += rng.chance(0.02) ? rng.pick([...'!@$%^*()[]{}<>"\' é€']) : rng.pick([...B64]);
    add('random text', s, false);
  }
  for (const version of [0, -1, 2, 99, 1.5, '1', [], {}, 1e308])
    add('wrong version', packJson({ ...base, version }));
  // null reads as "no version", i.e. the current one.
  add('null version', packJson({ ...base, version: null }), false);
  for (const text of [
    '1e999',
    '-1e999',
    '"NaN"',
    '"Infinity"',
    '1e308',
    '-0',
    '5e-324',
    '"0x10"',
    'null',
    'true',
    '[]',
    '{}',
    '""',
  ])
    for (const field of ['lr', 'momentum', 'steps', 'sigma', 'seed', 'start', 'playhead']) {
      const doc = JSON.stringify({
        ...base,
        noise: { sigma: 0, seed: 1 },
        start: [0, 0],
        view: { playhead: 1 },
      })
        .replace('"lr":0.1', field === 'lr' ? `"lr":${text}` : '"lr":0.1')
        .replace('"steps":50', field === 'steps' ? `"steps":${text}` : '"steps":50')
        .replace('"sigma":0', field === 'sigma' ? `"sigma":${text}` : '"sigma":0')
        .replace('"seed":1', field === 'seed' ? `"seed":${text}` : '"seed":1')
        .replace('"start":[0,0]', field === 'start' ? `"start":[${text},0]` : '"start":[0,0]')
        .replace('"playhead":1', field === 'playhead' ? `"playhead":${text}` : '"playhead":1')
        .replace(
          '"params":{"lr":0.1}',
          field === 'momentum' ? `"params":{"lr":0.1,"momentum":${text}}` : '"params":{"lr":0.1}',
        );
      // -0, 5e-324 and 1e308 can be valid in some fields; the rest never are.
      const maybeValid = ['-0', '5e-324', '1e308', 'null'].includes(text);
      add('odd number', pack(doc), !maybeValid);
    }
  add('10,000 runs', packJson({ ...base, runs: Array(10_000).fill(base.runs[0]) }));
  add(
    '10,000 bad runs',
    packJson({ ...base, runs: Array(10_000).fill({ optimizer: 'sgd', params: { lr: -1 } }) }),
  );
  for (const key of ['__proto__', 'constructor', 'prototype'])
    for (const value of [{ polluted: 1 }, { prototype: { polluted: 1 } }, 1, null])
      for (const doc of atEveryLevel(key, value)) add('prototype key', pack(doc));
  for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])
    for (const field of ['surface', 'optimizer', 'schedule']) {
      const doc = {
        ...base,
        surface: field === 'surface' ? { id } : base.surface,
        runs: [
          {
            optimizer: field === 'optimizer' ? id : 'sgd',
            schedule: field === 'schedule' ? { name: id } : null,
          },
        ],
      };
      add('prototype id', packJson(doc));
    }
  const evil = [
    'import("fs")',
    'evaluate("1+1")',
    'createUnit("foo")',
    'x + import({}, {override: true})',
    'parse("x")',
    'f(x) = x',
    'x.constructor',
    '[1,2]',
    '"<img src=x onerror=alert(1)>"',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(501),
    `${'sin('.repeat(60)}x${')'.repeat(60)}`,
  ];
  for (const expression of evil)
    add('hostile expression', packJson({ ...base, surface: { expression } }));
  // Valid syntax whose derivatives are huge: parseScenario accepts it (differentiation happens
  // when the surface is built), so the link decodes; it must still be quick.
  const product = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'x' : 'y')).join('*');
  add('huge derivative', packJson({ ...base, surface: { expression: product } }), false);
  const markup = '<img src=x onerror=alert(1)>';
  add('markup label', packJson({ ...base, runs: [{ ...base.runs[0], label: markup }] }), false);
  add(
    'markup everywhere',
    packJson({
      ...base,
      surface: { id: markup },
      runs: [{ optimizer: markup, label: markup.repeat(5), color: markup }],
    }),
  );
  add('200 KB fragment', `#s=${'A'.repeat(200 * 1024)}`);
  add('200 KB of JSON', pack(JSON.stringify({ ...base, junk: 'x'.repeat(200 * 1024) })));
  add('zip bomb', bytesToBase64url(deflateSync(new Uint8Array(10_000_000).fill(32), { level: 9 })));
  add('deep nesting', pack(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
  add('deep objects', pack(`{"surface":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)},"runs":[]}`));
  add('huge label', packJson({ ...base, runs: [{ ...base.runs[0], label: '🙂'.repeat(20_000) }] }));
  add('not JSON', pack('{"surface": '));
  add('empty', '');
  add('just the key', '#s=');
  return out;
}

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describe('share-link fuzzing', () => {
  const all = cases();
  let slowest = { ms: 0, kind: '' };

  afterAll(() => {
    // Reported for the record (the report quotes it): the slowest decode of all the cases.
    console.log(
      `link fuzz: ${all.length} cases, slowest decode ${slowest.ms.toFixed(1)} ms (${slowest.kind})`,
    );
  });

  it(`has thousands of cases`, () => {
    expect(all.length).toBeGreaterThan(2000);
  });

  it(
    'decodes every case, without throwing or hanging, into a valid scenario',
    { timeout: 300_000 },
    () => {
      const counts: Record<string, { cases: number; withProblems: number }> = {};
      for (const c of all) {
        const t0 = performance.now();
        const d = decodeLink(c.link);
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { ms, kind: c.kind };
        // A guard against hangs, not a speed target (bench/shareLink.bench.ts measures speed):
        // the slowest case compiles a large expression's derivatives, ~0.5 s on a loaded machine.
        expect(ms, c.kind).toBeLessThan(10_000);
        // Valid: parsing it again gives the same scenario back.
        expect(parseScenario(d.scenario)).toEqual(d.scenario);
        if (c.broken) expect(d.problems.length, c.kind).toBeGreaterThan(0);
        expect(d.status === 'ok').toBe(d.problems.length === 0);
        for (const p of d.problems) {
          expect(typeof p).toBe('string');
          expect(p.length, p).toBeLessThanOrEqual(MESSAGE_LIMIT + 1);
          for (const [, inner] of p.matchAll(/"([^"]*)"/g))
            expect(Array.from(inner).length, p).toBeLessThanOrEqual(ECHO_LIMIT + 1);
        }
        const k = (counts[c.kind] ??= { cases: 0, withProblems: 0 });
        k.cases++;
        if (d.problems.length) k.withProblems++;
      }
      // Damage is nearly always detected (a flip inside a label can leave a valid link).
      expect(counts['bit flip'].withProblems).toBeGreaterThan(0.9 * counts['bit flip'].cases);
      expect(counts.truncated.withProblems).toBeGreaterThan(0.95 * counts.truncated.cases);
    },
  );

  it('keeps markup in a label as plain text (it is rendered as text, never as HTML)', () => {
    const d = decodeLink(
      packJson({ ...base, runs: [{ ...base.runs[0], label: '<img src=x onerror=alert(1)>' }] }),
    );
    expect(d.problems).toEqual([]);
    expect(d.scenario.runs[0].label).toBe('<img src=x onerror=alert(1)>');
  });

  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  });
});
