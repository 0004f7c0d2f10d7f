import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS } from '../../src/scenario/presets/index.ts';
import {
  decodeLink,
  encodeScenario,
  MAX_PAYLOAD_CHARS,
  scenarioFragment,
} from '../../src/scenario/shareLink.ts';
import { compactScenario } from '../../src/scenario/compactScenario.ts';
import { defaultScenario } from '../../src/scenario/defaultScenario.ts';
import { Rng, randomScenario } from './randomScenario.ts';

describe('share links', () => {
  it('round-trips every preset exactly, with no problems', () => {
    for (const p of PRESETS) {
      const s = parseScenario(p.scenario);
      const d = decodeLink(`https://lab.example/#s=${encodeScenario(s)}`);
      expect(d.problems).toEqual([]);
      expect(d.status).toBe('ok');
      expect(d.scenario).toEqual(s);
    }
  });

  // 500 draws cover every optimizer, schedule and surface many times over (linkFuzz.test.ts adds
  // damaged links); more only repeats them.
  it('round-trips 500 random valid scenarios exactly', () => {
    const rng = new Rng(20240611);
    for (let i = 0; i < 500; i++) {
      const s = randomScenario(rng);
      const link = encodeScenario(s);
      expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
      const d = decodeLink(link);
      if (d.problems.length) throw new Error(`case ${i}: ${d.problems.join('; ')}`);
      expect(d.scenario).toEqual(s);
    }
  });

  it('stores only what differs from the defaults, plus the version', () => {
    const s = parseScenario({
      surface: { id: 'ravine', params: { condition_number: 100 } },
      runs: [{ optimizer: 'adam', params: { lr: 0.01, betas: [0.9, 0.999] } }],
    });
    expect(compactScenario(s)).toEqual({
      version: 1,
      surface: { id: 'ravine', params: { condition_number: 100 } },
      runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
    });
  });

  it('keeps preset links short', () => {
    const lengths = PRESETS.map((p) => encodeScenario(parseScenario(p.scenario)).length);
    expect(Math.max(...lengths)).toBeLessThan(600);
  });

  it('accepts a full URL, a fragment, s=…, a bare payload, extra parameters and line breaks', () => {
    const s = defaultScenario();
    const payload = encodeScenario(s);
    const forms = [
      `https://lab.example/path/?q=1#s=${payload}`,
      scenarioFragment(s),
      `s=${payload}`,
      payload,
      `#view=2d&s=${payload}&x=1`,
      `#s=${payload.slice(0, 10)}\n  ${payload.slice(10)}`,
      `#s=${encodeURIComponent(payload)}`,
    ];
    for (const f of forms) {
      const d = decodeLink(f);
      expect(d.problems).toEqual([]);
      expect(d.scenario).toEqual(s);
    }
  });

  it('a URL without a scenario, or an empty fragment, gives the default with a message', () => {
    for (const f of ['https://lab.example/', '#', '#s=', '#other=1', '']) {
      const d = decodeLink(f);
      expect(d.status).toBe('default');
      expect(d.scenario).toEqual(defaultScenario());
      expect(d.problems[0]).toMatch(/no scenario/);
    }
  });

  it('refuses an overlong link before doing any work', () => {
    const t0 = performance.now();
    const d = decodeLink(`#s=${'A'.repeat(200 * 1024)}`);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(d.status).toBe('default');
    expect(d.problems[0]).toMatch(/too long/);
    expect(decodeLink(`#s=${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`).problems[0]).toMatch(/too long/);
  });
});

describe('schema versions', () => {
  // Made by this version of the app (version 1) and kept verbatim: it must decode forever.
  const V1_LINK =
    'https://lab.example/#s=VZA7TsQwEIavgoY2RE4gSLhDtEhItCuEJvGwa-FH5EdgidJwCyquyBEYZ7dJZWn8P76ZGSYKUXsHsqkg5vCGA4GcQSuQEHwk1wc_vEMFIwa0sfz1IDuxLKxPGBLI3VVTd1X7UgY0suRaiAqc13GNinpvEaSoSwMRB9-0bA7ZsXQ3gx-TtvqLAjeiQrvpMjwVtSgGgz0Z1tyz5uLv9-cblmrrjnu1MVtvyaVsS8QdExHzBT-BTCFT4R8OpLJZKR1afuHJ0cNxMPT4vE3Cz9czCrOwdfDGl8pLuu06oWDh7SdNH6daVaLaFcbg8UDISzct3-wf';
  const V1_SCENARIO = {
    surface: { id: 'rosenbrock', params: { b: 50 } },
    start: [-1.5, 2],
    steps: 300,
    noise: { sigma: 0.1, seed: 42 },
    runs: [
      { optimizer: 'adam', params: { lr: 0.02 }, label: 'Adam 🙂' },
      {
        optimizer: 'sgd',
        params: { lr: 0.001, momentum: 0.9, nesterov: true },
        schedule: { name: 'OneCycleLR', params: { max_lr: 0.002 } },
        color: '#e6550d',
      },
    ],
    view: { mode: '2d', playhead: 120 },
  };

  it('a version-1 link decodes to the scenario it was made from', () => {
    const d = decodeLink(V1_LINK);
    expect(d.problems).toEqual([]);
    expect(d.scenario).toEqual(parseScenario(V1_SCENARIO));
  });

  it('links carry the schema version inside', () => {
    const s = parseScenario(V1_SCENARIO);
    expect(compactScenario(s).version).toBe(1);
  });
});
