/**
 * Fast single-pass equivalent of `normalizeView` (text/normalize.ts) for the extraction hot path: every
 * line and body of every page is folded. fold.test.ts checks it gives the same view as normalizeView.
 */
import type { TextView } from '../text/normalize.ts';

// Coupled to DROPPED and CHAR_MAP in text/normalize.ts: keep the folding identical (checked by fold.test.ts).
const FOLD: ReadonlyMap<number, string> = new Map([
  [0x0623, 'ا'], [0x0625, 'ا'], [0x0622, 'ا'], [0x0671, 'ا'], [0x0649, 'ي'], [0x06cc, 'ي'], [0x06d0, 'ي'], [0x06a9, 'ك'],
]);

/** Tashkeel, superscript alef, tatweel, zero-width and direction marks: dropped from the view. */
export function isDroppedCode(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640 || (code >= 0x200c && code <= 0x200f) || code === 0x061c;
}

/** The folded form of one kept character (digits to ASCII, alef forms, ى, Latin lower case). */
export function foldCode(code: number, ch: string): string {
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 0x30);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 0x30);
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  return FOLD.get(code) ?? ch;
}

/** Largest argument list passed to String.fromCharCode at once. */
const CHARS_PER_CALL = 8192;

/** Same result as `normalizeView(source)` with default options. */
export function foldView(source: string): TextView {
  const codes = new Uint16Array(source.length);
  const map = new Uint32Array(source.length + 1);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (isDroppedCode(code)) continue;
    codes[length] = foldCode(code, source[i]!).charCodeAt(0);
    map[length++] = i;
  }
  map[length] = source.length;
  let text = '';
  for (let at = 0; at < length; at += CHARS_PER_CALL) {
    text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + CHARS_PER_CALL)) as unknown as number[]);
  }
  return { source, text, toSource: map.slice(0, length + 1) };
}
