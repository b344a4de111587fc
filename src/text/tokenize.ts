/**
 * Word tokenisation for Arabic news text: letter/digit runs, numbers with separators, one token per
 * punctuation mark, each word with its proclitic sub-spans (clitics.ts). Offsets index the input text.
 * `wordRuns` is the light form for term analysers (search, clustering): maximal runs of letters, marks and digits.
 */
import { splitProclitics, type CliticKind, type CliticOptions } from './clitics.ts';

export type TokenKind = 'word' | 'number' | 'punct';

/** A proclitic of a token, with offsets in the tokenised text. */
export interface TokenClitic {
  readonly kind: CliticKind;
  readonly start: number;
  readonly end: number;
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Proclitics (و ف ب ك ل س ال) in order; empty for most tokens. */
  readonly clitics: readonly TokenClitic[];
  /** Where the stem starts in the text (`start` when there is no clitic). */
  readonly stemStart: number;
}

export { splitSentences } from './sentences.ts';

export interface TokenizeOptions extends CliticOptions {
  /** Compute clitic sub-spans (default true); callers that only need the tokens skip the work. */
  readonly clitics?: boolean;
}

/** A maximal run of letters, combining marks and digits. */
const WORD_RUN_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** Word runs of `text` (letters, marks and digits; everything else separates), with their offsets as `index`. */
export function wordRuns(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD_RUN_RE);
}

const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;
/** Per BMP code unit, filled on first sight: 1 letter/mark/digit, 2 other, 0 not yet seen (surrogates: tested whole). */
const bmpWordUnits = new Uint8Array(0x10000);

function isWordCodePoint(code: number): boolean {
  if (code < 0x10000 && (code < 0xd800 || code > 0xdfff)) {
    let known = bmpWordUnits[code]!;
    if (known === 0) bmpWordUnits[code] = known = WORD_CHAR_RE.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }
  return code >= 0x10000 && WORD_CHAR_RE.test(String.fromCodePoint(code));
}

/** The code point that ends just before `index` and its length in code units. */
function codePointBefore(text: string, index: number): [number, number] {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return [text.codePointAt(index - 2)!, 2];
  }
  return [low, 1];
}

/**
 * The word run (as `wordRuns` gives it: maximal letters, marks and digits) that contains the code unit at `index`,
 * or null when that code unit is not part of one. Lets a caller that found a candidate position analyse only its word.
 */
export function wordRunAt(text: string, index: number): { start: number; end: number } | null {
  if (index < 0 || index >= text.length) return null;
  let start = index;
  const code = text.charCodeAt(index);
  // A low surrogate belongs to the code point that starts one unit earlier.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) start = index - 1;
  }
  if (!isWordCodePoint(text.codePointAt(start)!)) return null;
  while (start > 0) {
    const [before, units] = codePointBefore(text, start);
    if (!isWordCodePoint(before)) break;
    start -= units;
  }
  let end = start;
  while (end < text.length) {
    const point = text.codePointAt(end)!;
    if (!isWordCodePoint(point)) break;
    end += point > 0xffff ? 2 : 1;
  }
  return { start, end };
}

const enum CharClass {
  Space = 0,
  Word = 1,
  Digit = 2,
  Punct = 3,
  Joiner = 4,
}

let CLASS_TABLE: Uint8Array | null = null;
const WORD_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{Nd}/u;
const SPACE_RE = /[\s\p{Zs}\uFEFF]/u;

/** Class of every BMP code unit, built once on first use (pure, ~5 ms). */
function classTable(): Uint8Array {
  if (CLASS_TABLE) return CLASS_TABLE;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    if (code === 0x200c || code === 0x200d) table[code] = CharClass.Joiner;
    else if (SPACE_RE.test(ch) || (code >= 0x200e && code <= 0x200f) || code === 0x061c) table[code] = CharClass.Space;
    else if (DIGIT_RE.test(ch)) table[code] = CharClass.Digit;
    else if (WORD_RE.test(ch)) table[code] = CharClass.Word;
    else table[code] = code >= 0xd800 && code <= 0xdfff ? CharClass.Word : CharClass.Punct;
  }
  CLASS_TABLE = table;
  return table;
}

/** Decimal and thousands separators that stay inside a number when digits follow: 2,500 ٣٫٥ 1.75 */
const NUMBER_SEPARATORS = new Set([0x2e, 0x2c, 0x066b, 0x066c]);

/** End of the word or number starting at `start`. */
function scanWord(text: string, start: number, table: Uint8Array): number {
  let i = start;
  while (i < text.length) {
    const cls = table[text.charCodeAt(i)]!;
    if (cls === CharClass.Word || cls === CharClass.Digit) {
      i++;
      continue;
    }
    if (cls === CharClass.Joiner && i + 1 < text.length && table[text.charCodeAt(i + 1)] === CharClass.Word) {
      i++;
      continue;
    }
    const isSeparator = NUMBER_SEPARATORS.has(text.charCodeAt(i));
    if (
      isSeparator &&
      table[text.charCodeAt(i - 1)] === CharClass.Digit &&
      table[text.charCodeAt(i + 1)] === CharClass.Digit
    ) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

function kindOf(text: string, table: Uint8Array): TokenKind {
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === CharClass.Word) return 'word';
  return 'number';
}

function withClitics(text: string, start: number, options: CliticOptions): Pick<Token, 'clitics' | 'stemStart'> {
  const split = splitProclitics(text, options);
  if (split.clitics.length === 0) return { clitics: [], stemStart: start };
  return {
    clitics: split.clitics.map((c) => ({ kind: c.kind, start: start + c.start, end: start + c.end })),
    stemStart: start + split.stemStart,
  };
}

/**
 * Tokenises `text` into words, numbers and punctuation marks with exact offsets
 * (`text.slice(t.start, t.end) === t.text`). Words carry proclitic sub-spans:
 * «والعراق» → one token with clitics و and ال and `stemStart` at «عراق».
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const splitClitics = options.clitics ?? true;
  const table = classTable();
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cls = table[text.charCodeAt(i)]!;
    if (cls === CharClass.Space || cls === CharClass.Joiner) {
      i++;
      continue;
    }
    if (cls === CharClass.Punct) {
      tokens.push({ text: text[i]!, start: i, end: i + 1, kind: 'punct', clitics: [], stemStart: i });
      i++;
      continue;
    }
    const end = scanWord(text, i, table);
    const surface = text.slice(i, end);
    const kind = kindOf(surface, table);
    const clitics = kind === 'word' && splitClitics ? withClitics(surface, i, options) : { clitics: [], stemStart: i };
    tokens.push({ text: surface, start: i, end, kind, ...clitics });
    i = end;
  }
  return tokens;
}
