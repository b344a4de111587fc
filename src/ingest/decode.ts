/**
 * Bytes → text for ingest: BOM, strict UTF-8, the charset an HTML page declares, UTF-8 with a few invalid bytes
 * replaced, then windows-1256 only when the bytes are not UTF-8-shaped and the result reads as Arabic. Every decision
 * is returned as a PageDecoding (stored with the page). Rejects empty, oversized, binary and undecodable input.
 */
import { legacyCodec } from './legacy-codec.ts';
import { EngineError } from '../core/errors.ts';
import type { ContentType, PageDecoding } from '../core/page.ts';
import { declaredCharset, hasBinarySignature, htmlProblem, sniffContentType, sniffUtf16 } from './sniff.ts';

export interface DecodeOptions {
  /** Largest accepted input in bytes (UTF-8 bytes for text given as a string). */
  readonly maxBytes: number;
  /** Content type known from the file name or a JSONL field; sniffed from the text when absent. */
  readonly contentType?: ContentType | null;
}

export interface DecodedText {
  /** NFC-normalised text. */
  readonly text: string;
  /** What the bytes were decoded from: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', or a declared charset. */
  readonly encoding: string;
  readonly contentType: ContentType;
  readonly decoding: PageDecoding;
}

/** How text given already decoded (a JSONL field, an API body) is recorded. */
const GIVEN_AS_TEXT: PageDecoding = { encoding: 'utf-8', method: 'text', replaced: 0, warning: null };

export type DecodeResult =
  | { readonly ok: true; readonly value: DecodedText }
  | { readonly ok: false; readonly error: EngineError };

/**
 * Control characters (other than tab, newlines, form feed) tolerated per character of text. Most pages have
 * none; in SaudiNewsNet (31,030 articles, eval/ingest.eval.ts) three real articles carry 1.1–1.2% U+001A
 * left by a lossy charset conversion, while random bytes decoded as windows-1256 give about 1 in 8.
 */
const MAX_CONTROL_SHARE = 0.05;
/**
 * Share of non-ASCII letters that must be Arabic for windows-1256 to be believed. Arabic text in 1256
 * gives ~1.0; Latin-1 French or German decoded as 1256 keeps its Latin letters and gives ~0.
 */
const MIN_ARABIC_SHARE_1256 = 0.6;
const UTF8_LABELS: ReadonlySet<string> = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/gu;
const NON_ASCII_LETTER = /[^\u0000-\u007F]/u;
const LETTER = /\p{L}/u;
const ARABIC_BLOCK = /[\u0600-\u06FF\u0750-\u077F]/u;

function fail(
  code: 'input/empty' | 'input/too-large' | 'input/binary' | 'input/undecodable' | 'input/malformed',
  detail?: string,
): DecodeResult {
  return { ok: false, error: new EngineError(code, detail) };
}

/** Decodes raw page bytes, or says why they can't be a page. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  if (bytes.length > options.maxBytes)
    return fail('input/too-large', `${bytes.length} bytes > limit ${options.maxBytes}.`);
  if (bytes.length === 0) return fail('input/empty');
  if (hasBinarySignature(bytes)) return fail('input/binary', 'It starts with the signature of a binary file format.');
  const decoded = decodeText(bytes);
  if (decoded === null) return fail('input/undecodable');
  if (decoded === 'binary') return fail('input/binary', 'It contains NUL bytes.');
  return checkText(decoded.text, { ...options, maxBytes: Number.POSITIVE_INFINITY }, decoded.decoding);
}

/** Checks text that arrives already decoded (a JSONL field, or the output of decodeBytes). */
export function checkText(text: string, options: DecodeOptions, decoding: PageDecoding = GIVEN_AS_TEXT): DecodeResult {
  const byteLength = Buffer.byteLength(text, 'utf8');
  if (byteLength > options.maxBytes) return fail('input/too-large', `${byteLength} bytes > limit ${options.maxBytes}.`);
  if (text.trim() === '') return fail('input/empty', 'Only whitespace.');
  const controls = text.match(CONTROL_CHAR)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length * MAX_CONTROL_SHARE) {
    return fail('input/binary', `${controls} control characters in ${text.length}.`);
  }
  const normalized = text.normalize('NFC');
  const contentType = sniffContentType(normalized, options.contentType ?? null);
  if (contentType === 'text/html') {
    const problem = htmlProblem(normalized);
    if (problem) return fail('input/malformed', problem);
  }
  return { ok: true, value: { text: normalized, encoding: decoding.encoding, contentType, decoding } };
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

type Decoded = { text: string; decoding: PageDecoding };

function decided(
  text: string,
  encoding: string,
  method: PageDecoding['method'],
  warning: string | null = null,
  replaced = 0,
): Decoded {
  return { text, decoding: { encoding, method, replaced, warning } };
}

/** The text and how it was decoded; 'binary' for NUL-bearing non-UTF-16 bytes; null when nothing fits. */
function decodeText(bytes: Uint8Array): Decoded | 'binary' | null {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = decodeWith(bytes.subarray(bom.length), bom.encoding);
    if (text !== null) return decided(text, bom.encoding, 'bom');
    if (bom.encoding !== 'utf-8') return null;
    const repaired = repairedUtf8(bytes.subarray(bom.length));
    return (
      repaired && decided(repaired.text, 'utf-8', 'utf-8-repaired', repairWarning(repaired.replaced), repaired.replaced)
    );
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = decodeWith(bytes, utf16);
    return text === null
      ? null
      : decided(
          text,
          utf16,
          'utf-16-sniffed',
          `No byte-order mark: read as ${utf16.toUpperCase()} from where the zero bytes sit.`,
        );
  }
  if (bytes.includes(0)) return 'binary';
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return decided(utf8, 'utf-8', 'utf-8');
  const declared = declaredCharset(bytes);
  if (declared && !UTF8_LABELS.has(declared) && legacyCodec().encodingExists(declared)) {
    return decided(legacyCodec().decode(Buffer.from(bytes), declared), declared, 'declared');
  }
  const repaired = repairedUtf8(bytes);
  if (repaired !== null)
    return decided(repaired.text, 'utf-8', 'utf-8-repaired', repairWarning(repaired.replaced), repaired.replaced);
  const text = legacyCodec().decode(Buffer.from(bytes), 'windows-1256');
  if (!looksArabic(text)) return null;
  return decided(
    text,
    'windows-1256',
    'windows-1256-detected',
    'No charset declared: read as windows-1256 because the bytes are not UTF-8 and decode to Arabic text in it.',
  );
}

function repairWarning(replaced: number): string {
  return `${replaced} invalid UTF-8 byte sequence${replaced === 1 ? '' : 's'} replaced by U+FFFD; the rest of the page is valid UTF-8.`;
}

const UTF8_LENIENT = new TextDecoder('utf-8', { fatal: false });
/**
 * Invalid sequences tolerated per well-formed multi-byte UTF-8 sequence before UTF-8 is ruled out. A UTF-8 Arabic
 * page with a few corrupted bytes has thousands of well-formed two-byte letters and a handful of errors; the same text
 * in windows-1256 read as UTF-8 forms almost no well-formed sequence (a lead byte 0xC0–0xDF must be followed by a
 * continuation byte 0x80–0xBF, which most 1256 Arabic letters are not), so nearly every non-ASCII byte is an error.
 */
const MAX_INVALID_PER_VALID_SEQUENCE = 0.25;
/** Bytes with no multi-byte sequence at all (ASCII plus stray bytes): a share of the decoded length instead. */
const MAX_INVALID_SHARE_OF_TEXT = 0.002;

/**
 * UTF-8 with its invalid sequences replaced by U+FFFD, when the bytes are UTF-8-shaped: well-formed multi-byte
 * sequences far outnumber the invalid ones. Null otherwise.
 */
function repairedUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const text = UTF8_LENIENT.decode(bytes);
  let replaced = 0;
  let multiByte = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (ch.codePointAt(0)! > 0x7f) multiByte++;
  }
  if (replaced === 0) return { text, replaced };
  const ok =
    multiByte > 0
      ? replaced <= multiByte * MAX_INVALID_PER_VALID_SEQUENCE
      : replaced <= text.length * MAX_INVALID_SHARE_OF_TEXT;
  return ok ? { text, replaced } : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string | null {
  if (encoding === 'utf-8') return tryUtf8(bytes);
  if (encoding.startsWith('utf-16') && bytes.length % 2 !== 0) return null;
  return legacyCodec().decode(Buffer.from(bytes), encoding, { stripBOM: true });
}

/** Strict UTF-8 decode; null on any invalid sequence. TextDecoder's fatal mode is the documented way to validate. */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null; // the invalid-data signal of TextDecoder, not a failure
    throw new EngineError('input/undecodable', 'UTF-8 decoding failed unexpectedly.', { cause: error });
  }
}

function looksArabic(text: string): boolean {
  let letters = 0;
  let arabic = 0;
  for (const ch of text) {
    if (!NON_ASCII_LETTER.test(ch) || !LETTER.test(ch)) continue;
    letters++;
    if (ARABIC_BLOCK.test(ch)) arabic++;
  }
  return letters > 0 && arabic / letters >= MIN_ARABIC_SHARE_1256;
}
