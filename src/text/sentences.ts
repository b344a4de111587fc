/**
 * Sentence splitting for Arabic news text: . ! ? ؟ … and line breaks end a sentence, except decimal
 * points, initials and known abbreviations («د.», «أ.ف.ب», «U.S.»). Returns trimmed half-open spans.
 */
import type { Span } from '../core/span.ts';

const TERMINATORS = new Set(['.', '!', '?', '؟', '…', '۔', '\n']);
/** Closing marks that belong to the sentence they follow: «قال: "انتهى."» keeps the closing quote. */
const CLOSERS = new Set(['"', "'", '»', '”', '’', ')', ']', '}', '›']);
const SPACE = /[\s\p{Zs}\uFEFF\u200E\u200F]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const LOWER_LATIN = /\p{Ll}/u;
const LATIN_LETTER = /[A-Za-z]/;
/** Initials are one letter, «هـ» two: longer words before a glued period are sentence ends. */
const MAX_INITIAL_LETTERS = 2;

/**
 * Abbreviations that end in a period without ending the sentence (normalised to lower case, without
 * the final period). Arabic: «د.» (Dr), «م.» (engineer / AD), «ص.» (page), «ج.» (part), «ق.م» (BC).
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'etc',
  'no',
  'gen',
  'col',
  'lt',
  'sgt',
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'د',
  'م',
  'ص',
  'ج',
  'ق',
  'ه',
  'هـ',
  'أ',
  'ا',
  'ب',
  'ت',
  'ف',
  'ق.م',
  'أ.د',
  'ا.د',
  'أ.ف.ب',
  'ا.ف.ب',
  'د.ب.أ',
  'د.ب.ا',
  'ش.م.م',
]);

/** Longest abbreviation looked at («ش.م.م», «U.S.A»): bounds the backward scan so «أ.ب.ت.…» stays linear. */
const MAX_ABBREVIATION_CHARS = 12;

/** The word (letters and inner periods) that ends right before offset `end`, at most MAX_ABBREVIATION_CHARS long. */
function wordBefore(text: string, end: number): string {
  let i = end;
  const limit = Math.max(0, end - MAX_ABBREVIATION_CHARS);
  while (i > limit && (LETTER.test(text[i - 1]!) || (text[i - 1] === '.' && i - 1 > 0 && LETTER.test(text[i - 2]!))))
    i--;
  return text.slice(i, end).toLowerCase();
}

/** True when the period at `i` does not end a sentence. */
function isInnerPeriod(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (DIGIT.test(before) && DIGIT.test(after)) return true;
  const word = wordBefore(text, i);
  if (LETTER.test(after)) {
    // «U.S.A», file.txt and initials «أ.ف.ب» stay whole; «الجيش.وقال» (missing space) is split.
    const lastSegment = word.slice(word.lastIndexOf('.') + 1);
    return LATIN_LETTER.test(after) || lastSegment.length <= MAX_INITIAL_LETTERS;
  }
  if (word !== '' && ABBREVIATIONS.has(word)) {
    let j = i + 1;
    while (j < text.length && text[j] === ' ') j++;
    return j < text.length && text[j] !== '\n';
  }
  let j = i + 1;
  while (j < text.length && SPACE.test(text[j]!) && text[j] !== '\n') j++;
  return LOWER_LATIN.test(text[j] ?? '');
}

/**
 * True when the character at `i` ends a sentence: a terminator (. ! ? ؟ … ۔ or a line break) that is not a decimal
 * point, an initial or an abbreviation's period («د.», «أ.ف.ب», «U.S.»). Shared with the quote extents (analyze/quotes).
 */
export function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  return TERMINATORS.has(ch) && !(ch === '.' && isInnerPeriod(text, i));
}

/** Offset just past the terminator run at `i` and any closing marks after it. */
function endOfTerminator(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '\n' && TERMINATORS.has(text[j]!)) j++;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  return j;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/**
 * Splits `text` into sentences: every span is trimmed of white space and non-empty, in text order.
 * «قال د. أحمد إن النمو بلغ 3.5%. وأضاف…» gives two sentences.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!endsSentence(text, i)) continue;
    const end = ch === '\n' ? i : endOfTerminator(text, i);
    pushTrimmed(spans, text, start, end);
    start = end;
    i = Math.max(i, end - 1);
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}
