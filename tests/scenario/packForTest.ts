import { deflateSync, strToU8 } from 'fflate';
import { bytesToBase64url } from '../../src/scenario/base64url.ts';

/** A link payload for arbitrary JSON (valid or not), packed the way encodeScenario packs. */
export const packJsonForTest = (value: unknown): string =>
  bytesToBase64url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
