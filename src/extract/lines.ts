/**
 * Splits a page text into lines with offsets and computes the jusText-style features the line
 * classifier uses: word count, stop-word density, sentence punctuation, script mix, repetition.
 */
import { lineKey, duplicateKey, type LineKey } from './line-key.ts';
import { ARABIC_STOP_WORDS } from './lexicons/stop-words.ts';

/** Structural hints an HTML block carries into the line classifier (absent for plain text). */
export interface BlockHint {
  /** Lower-case tag of the block element: 'h1', 'p', 'li', 'figcaption'… */
  readonly tag: string;
  /** Share of the block's characters that sit inside links (0–1). */
  readonly linkDensity: number;
  /** Why an ancestor marks the block as furniture (nav/footer/aside or a class such as «share»), if any. */
  readonly furniture: 'navigation' | 'footer' | 'share' | 'comments' | 'related-links' | 'tags' | 'author-box' | 'advert' | 'subscribe' | null;
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
  /** Ends with . ! ؟ ? … (closing quotes and brackets allowed after it). */
  readonly endsSentence: boolean;
  /** Sentence punctuation and commas anywhere in the line. */
  readonly punctuation: number;
  /** How many lines of the page share this line's duplicate key (1 = unique). */
  readonly repeats: number;
  readonly hint: BlockHint | null;
}

const TRIM_RE = /^[\s\u00A0\u200B-\u200F\u2028\u2029\uFEFF]*([\s\S]*?)[\s\u00A0\u200B-\u200F\u2028\u2029\uFEFF]*$/u;
const SENTENCE_END_RE = /[.!?؟…](?:[\s"'”’»)\]\u061C]*)$/u;
const PUNCTUATION_RE = /[.!?؟…،,؛;:]/gu;
const LATIN_RE = /[A-Za-z]/gu;
const LETTER_RE = /\p{L}/gu;

/** Splits `text` on \n (\r\n and \r too) and measures every line. `hints[i]` applies to line `i`. */
export function splitLines(text: string, hints: readonly (BlockHint | null)[] = []): Line[] {
  const raw: { start: number; end: number; text: string }[] = [];
  const LINE_RE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  let lineStart = 0;
  while (lineStart <= text.length) {
    LINE_RE.lastIndex = lineStart;
    const match = LINE_RE.exec(text);
    if (!match) break;
    const content = match[0].replace(/(?:\r\n|\r|\n)$/u, '');
    const trimmed = TRIM_RE.exec(content)!;
    const inner = trimmed[1] ?? '';
    const offset = content.indexOf(inner);
    raw.push({ start: lineStart + offset, end: lineStart + offset + inner.length, text: inner });
    if (match[0].length === content.length) break;
    lineStart += match[0].length;
  }
  const keys = raw.map((r) => lineKey(r.text));
  const counts = new Map<string, number>();
  const dupKeys = keys.map((k) => duplicateKey(k.key));
  for (const k of dupKeys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return raw.map((r, index) => measure({ ...r, index, key: keys[index]!, repeats: counts.get(dupKeys[index]!) ?? 0, hint: hints[index] ?? null }));
}

function measure(input: { index: number; start: number; end: number; text: string; key: LineKey; repeats: number; hint: BlockHint | null }): Line {
  const tokens = input.key.key ? input.key.key.split(' ') : [];
  let stops = 0;
  for (const token of tokens) if (ARABIC_STOP_WORDS.has(token)) stops++;
  const letters = input.text.match(LETTER_RE)?.length ?? 0;
  const latin = input.text.match(LATIN_RE)?.length ?? 0;
  return {
    ...input,
    isBlank: tokens.length === 0,
    words: tokens.length,
    stopRatio: tokens.length === 0 ? 0 : stops / tokens.length,
    latinRatio: letters === 0 ? 0 : latin / letters,
    endsSentence: SENTENCE_END_RE.test(input.text),
    punctuation: input.text.match(PUNCTUATION_RE)?.length ?? 0,
  };
}

/** Tokens of a line's key (normalised words). */
export function keyTokens(line: Line): string[] {
  return line.key.key ? line.key.key.split(' ') : [];
}
