import { deflateSync, strToU8 } from 'fflate';
import { bytesToBase64url } from '../src/scenario/base64url.ts';
import { parseScenario } from '../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../src/scenario/presets/index.ts';
import { decodeLink, encodeScenario } from '../src/scenario/shareLink.ts';
import type { BenchRow } from './harness.ts';
import { medianMs } from './harness.ts';

/**
 * Share links: encode and decode a typical scenario (a three-run preset), and decode the worst
 * hostile links from the fuzz test (tests/scenario/linkFuzz.test.ts). A link is decoded once per
 * page load, so the budgets are about never stalling the page, even on an attacker's link.
 */
const pack = (value: unknown) =>
  bytesToBase64url(
    deflateSync(strToU8(typeof value === 'string' ? value : JSON.stringify(value)), { level: 9 }),
  );

const base = {
  surface: { id: 'ravine' },
  steps: 50,
  runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }],
};
const bomb = pack(' '.repeat(10_000_000));
const WORST: [string, string][] = [
  ['200 KB fragment (refused by length)', `#s=${'A'.repeat(200 * 1024)}`],
  [
    `zip bomb: 10 MB of spaces in ${(bomb.length / 1024).toFixed(1)} KB of link (inflation capped)`,
    bomb,
  ],
  ['10,000 runs', pack({ ...base, runs: Array(10_000).fill(base.runs[0]) })],
  [
    '8 broken runs, each repaired or dropped',
    pack({
      ...base,
      runs: Array.from({ length: 8 }, (_, i) => ({
        optimizer: 'sgd',
        params: { lr: -1, extra: i },
        label: 'x'.repeat(60),
        color: 'red',
        junk: 1,
      })),
      view: { camera: { position: [1e9, 0, 0], target: [0, 0, 0] }, mode: 'vr', playhead: -1 },
    }),
  ],
  [
    'hostile expression (500 characters)',
    pack({
      ...base,
      surface: { expression: `${'sin('.repeat(40)}x${')'.repeat(40)}+`.padEnd(500, 'x') },
    }),
  ],
  [
    'prototype-pollution keys',
    pack(
      `{"__proto__": {"a": 1}, "constructor": {"prototype": {"a": 1}}, ${JSON.stringify(base).slice(1)}`,
    ),
  ],
];

export function benchShareLink(): BenchRow[] {
  const typical = parseScenario(PRESETS_BY_ID['lr-weight-decay-coupling'].scenario);
  const link = encodeScenario(typical);
  const json = JSON.stringify(typical);
  const parseMs = medianMs(() => parseScenario(JSON.parse(json)), 50);
  const encodeMs = medianMs(() => encodeScenario(typical), 50);
  const decodeMs = medianMs(() => decodeLink(link), 50);
  const rows: BenchRow[] = [
    {
      name: `encode a typical scenario (3 runs → ${link.length} characters)`,
      ms: encodeMs,
      budgetMs: 2,
    },
    {
      name: 'decode it',
      ms: decodeMs,
      budgetMs: 3,
      ratio: {
        value: decodeMs / parseMs,
        max: 20,
        against: `JSON.parse + parseScenario (${parseMs.toFixed(3)} ms)`,
      },
    },
    {
      name: 'encode + decode',
      ms: medianMs(() => decodeLink(encodeScenario(typical)), 50),
      budgetMs: 5,
    },
  ];
  let worst = { ms: 0, name: '' };
  for (const [name, hostile] of WORST) {
    const ms = medianMs(() => decodeLink(hostile), 9, 2);
    if (ms > worst.ms) worst = { ms, name };
    rows.push({ name: `decode: ${name}`, ms, budgetMs: 100 });
  }
  rows.push({ name: 'worst hostile link', ms: worst.ms, budgetMs: 100, note: worst.name });
  return rows;
}
