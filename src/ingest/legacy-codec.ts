/**
 * iconv-lite, loaded on the first legacy-encoded page: most pages are UTF-8, and loading the codec tables costs
 * ~20 ms of a one-page `analyze` start-up. The one home of the import (src/ingest/decode.ts and
 * src/fetch/decode-response.ts both use it).
 */
import { createRequire } from 'node:module';

/** The part of iconv-lite Marsad uses. */
export interface LegacyCodec {
  encodingExists(encoding: string): boolean;
  decode(bytes: Buffer, encoding: string, options?: { stripBOM?: boolean }): string;
}

let codec: LegacyCodec | undefined;

/** The codec, loaded once (synchronously: decoding is a pure, synchronous step). */
export function legacyCodec(): LegacyCodec {
  codec ??= createRequire(import.meta.url)('iconv-lite') as LegacyCodec;
  return codec;
}
