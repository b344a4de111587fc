/**
 * Unicode-aware word boundaries for Arabic. JS `\b`, `\w`, `\W` are ASCII-only: `\bقال` also
 * matches inside «مقال» (article). Build patterns from these fragments with the `u` flag.
 */

/** A word character: any letter, combining mark or digit. */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** Anything but a word character (the Unicode-aware `\W`). */
export const NON_WORD_CHAR = '[^\\p{L}\\p{M}\\p{N}]';
/** Start-of-word boundary (no word character before). */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
/** End-of-word boundary (no word character after). */
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
/** Arabic letters (basic block + supplement + presentation forms). */
export const ARABIC_LETTER =
  '[\\u0621-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF\\u0750-\\u077F\\uFB50-\\uFDFF\\uFE70-\\uFEFF]';
/** Tashkeel (harakat, tanween, shadda, sukun, superscript alef) and tatweel. */
export const DIACRITIC = '[\\u064B-\\u065F\\u0670\\u0640]';

const ARABIC_LETTER_RE = new RegExp(ARABIC_LETTER, 'u');
const LETTER_RE = /\p{L}/u;

/** True when the character is an Arabic letter. */
export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER_RE.test(ch);
}

/** True when the character is any Unicode letter. */
export function isLetter(ch: string): boolean {
  return LETTER_RE.test(ch);
}

/** Share of letters in `text` that are Arabic (0 when there are no letters). */
export function arabicRatio(text: string): number {
  let letters = 0;
  let arabic = 0;
  for (const ch of text) {
    if (LETTER_RE.test(ch)) {
      letters++;
      if (ARABIC_LETTER_RE.test(ch)) arabic++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}
