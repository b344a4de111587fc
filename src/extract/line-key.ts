/**
 * Matching key of a line: the normalised view (the folding of text/normalize.ts)
 * with every run of non-word characters collapsed to one space, plus a map back to source offsets.
 * Cue lexicons and duplicate detection compare keys, so «إقرأ أيضاً:» and «اقرأ ايضا» are the same cue.
 */
import { foldCodeUnit } from '../text/normalize.ts';

export interface LineKey {
  readonly key: string;
  /** `toSource[i] - base` is the offset in the line of key offset `i`; length `key.length + 1`. */
  readonly toSource: Uint32Array;
  /** Offset of the line in the text `toSource` indexes (0 for a standalone line). */
  readonly base: number;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The folded code unit of a word character, or -1 for punctuation and spaces (and dropped marks). */
function foldWordChar(code: number, ch: string): number {
  if ((code >= 0x0621 && code <= 0x064a) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a))
    return foldCodeUnit(code);
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9))
    return foldCodeUnit(code);
  if (code < 0x80) return -1;
  return WORD_CHAR_RE.test(ch) ? foldCodeUnit(code) : -1;
}

/** Builds the key of one standalone `text`. */
export function lineKey(text: string): LineKey {
  return keyRanges(text, [{ start: 0, end: text.length }])[0]!;
}

/** Largest argument list passed to String.fromCharCode at once. */
const CHARS_PER_CALL = 8192;

/**
 * Keys of many ranges of one text in a single pass over shared typed buffers: every line of every
 * page is keyed, so this avoids per-character string building.
 */
export function keyRanges(
  text: string,
  ranges: readonly { readonly start: number; readonly end: number }[],
): LineKey[] {
  const codes = new Uint16Array(text.length + 1);
  const map = new Uint32Array(text.length + ranges.length + 1);
  const keys: LineKey[] = [];
  let k = 0;
  for (const range of ranges) {
    const keyStart = k;
    let pendingSpace = false;
    let lastEnd = range.start;
    for (let i = range.start; i < range.end; i++) {
      const code = text.charCodeAt(i);
      const folded = foldCodeUnit(code) === -1 ? -2 : foldWordChar(code, text[i]!);
      if (folded === -2) continue;
      if (folded === -1) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && k > keyStart) {
        codes[k] = 0x20;
        map[k++] = i;
      }
      pendingSpace = false;
      codes[k] = folded;
      map[k++] = i;
      lastEnd = i + 1;
    }
    map[k] = lastEnd;
    keys.push({ key: decode(codes, keyStart, k), toSource: map.subarray(keyStart, k + 1), base: range.start });
    k++;
  }
  return keys;
}

function decode(codes: Uint16Array, start: number, end: number): string {
  let out = '';
  for (let at = start; at < end; at += CHARS_PER_CALL) {
    out += String.fromCharCode.apply(
      null,
      codes.subarray(at, Math.min(end, at + CHARS_PER_CALL)) as unknown as number[],
    );
  }
  return out;
}

const TA_MARBUTA_OR_SPACE_RE = /[ة ]/gu;

/** Duplicate-detection key: letters and digits only, ة folded to ه (quotes and spacing ignored). */
export function duplicateKey(key: string): string {
  return key.replace(TA_MARBUTA_OR_SPACE_RE, (ch) => (ch === ' ' ? '' : 'ه'));
}
