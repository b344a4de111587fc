/**
 * Matching key of a line: the normalised view (folding of extract/fold.ts, identical to text/normalize.ts)
 * with every run of non-word characters collapsed to one space, plus a map back to source offsets.
 * Cue lexicons and duplicate detection compare keys, so «إقرأ أيضاً:» and «اقرأ ايضا» are the same cue.
 */
import { foldCode, isDroppedCode } from './fold.ts';

export interface LineKey {
  readonly key: string;
  /** `toSource[i]` is the offset in the source line of key offset `i`; length `key.length + 1`. */
  readonly toSource: readonly number[];
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The folded form of a word character, or null for punctuation and spaces. */
function foldWordChar(code: number, ch: string): string | null {
  if ((code >= 0x0621 && code <= 0x064a) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return foldCode(code, ch);
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) return foldCode(code, ch);
  if (code < 0x80) return null;
  return WORD_CHAR_RE.test(ch) ? foldCode(code, ch) : null;
}

/** Builds the key of `text` (offsets in `toSource` are relative to `text`). */
export function lineKey(text: string): LineKey {
  let key = '';
  const map: number[] = [];
  let pendingSpace = false;
  let lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDroppedCode(code)) continue;
    const folded = foldWordChar(code, text[i]!);
    if (folded === null) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && key.length > 0) {
      key += ' ';
      map.push(i);
    }
    pendingSpace = false;
    key += folded;
    map.push(i);
    lastEnd = i + 1;
  }
  map.push(lastEnd);
  return { key, toSource: map };
}

const TA_MARBUTA_OR_SPACE_RE = /[ة ]/gu;

/** Duplicate-detection key: letters and digits only, ة folded to ه (quotes and spacing ignored). */
export function duplicateKey(key: string): string {
  return key.replace(TA_MARBUTA_OR_SPACE_RE, (ch) => (ch === ' ' ? '' : 'ه'));
}
