/**
 * Response bytes → page text: the charset from the Content-Type header when it names one other than UTF-8 and the
 * bytes are not valid UTF-8 (servers often mislabel UTF-8 pages as latin-1), otherwise src/ingest's decoder (BOM,
 * strict UTF-8, `<meta charset>`, windows-1256 for Arabic). Non-text media types are refused.
 */
import { legacyCodec } from '../ingest/legacy-codec.ts';
import { EngineError } from '../core/errors.ts';
import type { ContentType } from '../core/page.ts';
import { checkText, decodeBytes, type DecodeResult } from '../ingest/decode.ts';
import { hasBinarySignature } from '../ingest/sniff.ts';

const UTF8_LABELS: ReadonlySet<string> = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const TEXT_MEDIA = /^(?:text\/|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|feed\+json)$)/u;
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

export interface MediaType {
  /** Lower-case `type/subtype`, or null when the header is absent. */
  readonly mime: string | null;
  readonly charset: string | null;
}

/** Splits a Content-Type header into its media type and charset parameter. */
export function parseMediaType(header: string | null): MediaType {
  if (!header) return { mime: null, charset: null };
  const [type, ...params] = header.split(';');
  const charset = params
    .map((p) => p.trim())
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^["']|["']$/gu, '')
    .trim()
    .toLowerCase();
  return { mime: type!.trim().toLowerCase() || null, charset: charset || null };
}

/** Decodes a fetched page, or says why it is not one (binary, undecodable, too large, malformed). */
export function decodeResponse(
  bytes: Uint8Array,
  options: { contentTypeHeader: string | null; maxBytes: number; url: string },
): DecodeResult {
  const media = parseMediaType(options.contentTypeHeader);
  if (media.mime !== null && !TEXT_MEDIA.test(media.mime)) {
    return {
      ok: false,
      error: new EngineError('input/binary', `${options.url}: Content-Type ${media.mime} is not a page.`),
    };
  }
  const contentType: ContentType | null =
    media.mime === 'text/plain' ? 'text/plain' : media.mime?.includes('html') ? 'text/html' : null;
  const charset = media.charset;
  if (
    charset &&
    !UTF8_LABELS.has(charset) &&
    legacyCodec().encodingExists(charset) &&
    !hasBom(bytes) &&
    !hasBinarySignature(bytes) &&
    !isUtf8(bytes)
  ) {
    if (bytes.length > options.maxBytes)
      return {
        ok: false,
        error: new EngineError('input/too-large', `${bytes.length} bytes > limit ${options.maxBytes}.`),
      };
    return checkText(
      legacyCodec().decode(Buffer.from(bytes), charset),
      { maxBytes: Number.POSITIVE_INFINITY, contentType },
      { encoding: charset, method: 'declared', replaced: 0, warning: null },
    );
  }
  return decodeBytes(bytes, { maxBytes: options.maxBytes, contentType });
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8_STRICT.decode(bytes);
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false; // TextDecoder's signal for invalid data
    throw error;
  }
}

const XML_ENCODING = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["'](?<label>[A-Za-z0-9_.:-]{1,40})["']/u;

/**
 * A fetched feed or sitemap → text: BOM, then valid UTF-8, then the encoding its XML declaration or the
 * Content-Type header names (`<?xml version="1.0" encoding="windows-1256"?>` is common on Arabic sites).
 */
export function decodeListing(bytes: Uint8Array, options: { contentTypeHeader: string | null; url: string }): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return Buffer.from(bytes.subarray(3)).toString('utf8');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return legacyCodec().decode(Buffer.from(bytes), bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { stripBOM: true });
  }
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const label =
    XML_ENCODING.exec(head)?.groups?.label?.toLowerCase() ?? parseMediaType(options.contentTypeHeader).charset;
  if (label && legacyCodec().encodingExists(label)) return legacyCodec().decode(Buffer.from(bytes), label);
  throw new EngineError('input/undecodable', `${options.url}: not UTF-8 and no usable encoding declared.`);
}
