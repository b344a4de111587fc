/**
 * Splits a page text into lines with offsets and computes the jusText-style features the line
 * classifier uses: word count, stop-word density, sentence punctuation, script mix, repetition.
 */
import { keyRanges, duplicateKey, type LineKey } from './line-key.ts';
import { stopWords } from '../text/stop-words.ts';

/** Function words of running prose (the `prose` subset of the stop-word lexicon). */
const ARABIC_STOP_WORDS = stopWords('prose');

/** Structural hints an HTML block carries into the line classifier (absent for plain text). */
export interface BlockHint {
  /** Lower-case tag of the block element: 'h1', 'p', 'li', 'figcaption'… */
  readonly tag: string;
  /** Share of the block's characters that sit inside links (0–1). */
  readonly linkDensity: number;
  /** Why an ancestor marks the block as furniture (nav/footer/aside or a class such as «share»), if any. */
  readonly furniture:
    | 'navigation'
    | 'footer'
    | 'share'
    | 'comments'
    | 'related-links'
    | 'tags'
    | 'author-box'
    | 'advert'
    | 'subscribe'
    | null;
}

export interface Line {
  readonly index: number;
  /** Trimmed content range in the page text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly isBlank: boolean;
  readonly key: LineKey;
  readonly words: number;
  /** Share of words that are Arabic function words. */
  readonly stopRatio: number;
  /** Share of letters that are Latin. */
  readonly latinRatio: number;
  /** Arabic plus Latin letters (other scripts are not counted). */
  readonly letters: number;
  /** Ends with . ! ؟ ? … (closing quotes and brackets allowed after it). */
  readonly endsSentence: boolean;
  /** Sentence punctuation and commas anywhere in the line. */
  readonly punctuation: number;
  /** How many lines of the page share this line's duplicate key (1 = unique). */
  readonly repeats: number;
  readonly hint: BlockHint | null;
}

const SENTENCE_END_RE = /[.!?؟…](?:[\s"'”’»)\]\u061C]*)$/u;

/** Splits `text` on \n (\r\n and \r too) and measures every line. `hints[i]` applies to line `i`. */
export function splitLines(text: string, hints: readonly (BlockHint | null)[] = []): Line[] {
  const raw: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (code !== 0x0a && code !== 0x0d) continue;
    raw.push(trimmed(text, lineStart, i));
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  const keys = keyRanges(text, raw);
  const dupKeys = keys.map((k) => duplicateKey(k.key));
  const counts = new Map<string, number>();
  for (const k of dupKeys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const lines: Line[] = [];
  for (let index = 0; index < raw.length; index++) {
    const { start, end } = raw[index]!;
    lines.push(
      measure(text.slice(start, end), {
        index,
        start,
        end,
        key: keys[index]!,
        repeats: counts.get(dupKeys[index]!) ?? 0,
        hint: hints[index] ?? null,
      }),
    );
  }
  return lines;
}

/** Whitespace, no-break space, zero-width and direction marks, BOM: not content. */
function isBlankChar(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && isBlankChar(text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

interface Located {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly key: LineKey;
  readonly repeats: number;
  readonly hint: BlockHint | null;
}

function measure(text: string, input: Located): Line {
  const tokens = input.key.key ? input.key.key.split(' ') : [];
  let stops = 0;
  for (const token of tokens) if (ARABIC_STOP_WORDS.has(token)) stops++;
  let letters = 0;
  let latin = 0;
  let punctuation = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0621 && code <= 0x064a) letters++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      latin++;
      letters++;
    } else if (isPunctuation(code)) punctuation++;
  }
  return {
    index: input.index,
    start: input.start,
    end: input.end,
    text,
    key: input.key,
    repeats: input.repeats,
    hint: input.hint,
    isBlank: tokens.length === 0,
    words: tokens.length,
    stopRatio: tokens.length === 0 ? 0 : stops / tokens.length,
    latinRatio: letters === 0 ? 0 : latin / letters,
    letters,
    endsSentence: SENTENCE_END_RE.test(text),
    punctuation,
  };
}

/** . ! ? ؟ … ، , ؛ ; : */
function isPunctuation(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x2c ||
    code === 0x060c ||
    code === 0x3a ||
    code === 0x061f ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x2026 ||
    code === 0x061b ||
    code === 0x3b
  );
}

/** Tokens of a line's key (normalised words). */
export function keyTokens(line: Line): string[] {
  return line.key.key ? line.key.key.split(' ') : [];
}
