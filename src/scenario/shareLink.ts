import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { boundedInflate } from './boundedInflate.ts';
import { compactModelScenario } from './compactModelScenario.ts';
import { compactScenario } from './compactScenario.ts';
import { defaultScenario } from './defaultScenario.ts';
import { describeFieldError } from './describeFieldError.ts';
import { isModelScenario, parseModelScenario, type ModelScenario } from './modelScenario.ts';
import { salvageScenario, type Salvaged } from './salvageScenario.ts';
import type { Scenario } from './scenario.ts';
import { FieldError } from '../engine/validateParams.ts';

/**
 * Share links: the whole scenario in the URL fragment, `https://host/path#s=<payload>`.
 *
 * payload = base64url(raw DEFLATE(UTF-8 JSON of the compact scenario)), where the compact
 * scenario omits every value parseScenario fills in by default and keeps `version`, so a link
 * is a scenario file in disguise and older links go through the same migrations. The fragment
 * never reaches a server. Decoding never throws: a damaged or hostile link yields the valid
 * part of its scenario (or the default one) plus sentences saying what was wrong.
 *
 * A network scenario (`model` in place of `surface`) travels the same way. It is not repaired
 * field by field: a network whose data, layers or init were changed would train differently,
 * so a link with any bad field opens the default surface scenario and names the field.
 */
export const LINK_KEY = 's';
/** Longest payload accepted: a preset's link is a few hundred characters; 16 KB is generous. */
export const MAX_PAYLOAD_CHARS = 16 * 1024;
/** Longest whole input (a URL around the fragment) looked at, checked before any other work. */
export const MAX_LINK_CHARS = MAX_PAYLOAD_CHARS + 4096;
/** Largest decompressed JSON accepted: a full 8-run scenario is a few kilobytes. */
export const MAX_INFLATED_BYTES = 64 * 1024;

/** A decoded link to a surface scenario (also what a link with nothing usable yields). */
export type SurfaceLink = Salvaged & { kind: 'surface' };

/** A decoded link to a network scenario, validated as a whole (nothing was repaired). */
export interface ModelLink {
  kind: 'model';
  scenario: ModelScenario;
  problems: [];
  status: 'ok';
}

/** What a link holds: `kind` says which scenario `scenario` is. */
export type DecodedLink = SurfaceLink | ModelLink;

/** The fragment payload for a scenario (without `#s=`). */
export function encodeScenario(s: Scenario | ModelScenario): string {
  const json = JSON.stringify('model' in s ? compactModelScenario(s) : compactScenario(s));
  return bytesToBase64url(deflateSync(strToU8(json), { level: 9 }));
}

/** `#s=<payload>`, ready to append to the page's address. */
export function scenarioFragment(s: Scenario | ModelScenario): string {
  return `#${LINK_KEY}=${encodeScenario(s)}`;
}

/**
 * The payload inside a full URL, a fragment (`#s=…`, `s=…`, `#a=1&s=…`) or the bare payload;
 * null when the text has a fragment but no `s=` in it.
 */
function payloadOf(link: string): string | null {
  const hash = link.indexOf('#');
  let fragment = hash >= 0 ? link.slice(hash + 1) : link;
  if (hash < 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(link)) return null;
  fragment = fragment.replace(/\s+/g, '');
  // `s=…`, possibly among other parameters; otherwise the fragment is the payload itself.
  const param = new RegExp(`(?:^|&)${LINK_KEY}=([^&]*)`).exec(fragment);
  if (!param)
    return fragment.includes('=') && !/^[A-Za-z0-9_+/-]+={1,2}$/.test(fragment) ? null : fragment;
  const value = param[1];
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const unusable = (problem: string): SurfaceLink => ({
  kind: 'surface',
  scenario: defaultScenario(),
  problems: [problem, 'showing the default scenario instead'],
  status: 'default',
});

/** A network scenario from a link: valid as a whole, or the default with the first bad field. */
function decodeModel(data: unknown): DecodedLink {
  try {
    return { kind: 'model', scenario: parseModelScenario(data), problems: [], status: 'ok' };
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    return unusable(`the link's network scenario cannot be trained: ${describeFieldError(e)}`);
  }
}

/**
 * Decode a share link (full URL, fragment or payload) to a surface or a network scenario. Never
 * throws; bounded work whatever the input (length checked first, inflation capped, a bounded
 * number of validation passes).
 */
export function decodeLink(fragmentOrUrl: string): DecodedLink {
  try {
    if (typeof fragmentOrUrl !== 'string') return unusable('the link is not text');
    if (fragmentOrUrl.length > MAX_LINK_CHARS)
      return unusable(
        `the link is too long (${fragmentOrUrl.length} characters; a scenario link has at most ${MAX_PAYLOAD_CHARS})`,
      );
    const payload = payloadOf(fragmentOrUrl);
    if (payload === null || payload === '')
      return unusable(`the link holds no scenario (expected "#${LINK_KEY}=…" after the address)`);
    if (payload.length > MAX_PAYLOAD_CHARS)
      return unusable(
        `the link is too long (${payload.length} characters of data; at most ${MAX_PAYLOAD_CHARS})`,
      );
    const bytes = base64urlToBytes(payload);
    if (!bytes)
      return unusable('the link is damaged: it contains characters a scenario link never has');
    const inflated = boundedInflate(bytes, MAX_INFLATED_BYTES);
    if (!inflated.ok)
      return unusable(
        inflated.reason === 'too-large'
          ? `the link's data is too large when unpacked (over ${MAX_INFLATED_BYTES / 1024} KB)`
          : 'the link is damaged or cut short: its data cannot be unpacked',
      );
    let data: unknown;
    try {
      data = JSON.parse(strFromU8(inflated.bytes));
    } catch {
      return unusable('the link is damaged: its data is not a scenario');
    }
    if (isModelScenario(data)) return decodeModel(data);
    return { kind: 'surface', ...salvageScenario(data) };
  } catch (e) {
    // Nothing above should throw; if something does, the page must still open.
    return unusable(`the link could not be read (${String(e).slice(0, 80)})`);
  }
}
