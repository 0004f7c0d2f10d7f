import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesToBase64url } from '../../src/scenario/base64url.ts';
import { decodeScenarioLink } from '../../src/scenario/shareLink.ts';

const pack = (value: unknown) =>
  `#s=${bytesToBase64url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))}`;

describe('a share link holding a network scenario', () => {
  it('opens the lab’s default and says the page cannot show networks yet', () => {
    const d = decodeScenarioLink(
      pack({ model: { data: { name: 'moons' } }, runs: [{ optimizer: 'adam' }] }),
    );
    expect(d.status).toBe('default');
    expect(d.problems).toEqual([
      'the link holds a network scenario ("model"), which the page cannot open yet: run it with npm run simulate',
      'showing the default scenario instead',
    ]);
  });
});
