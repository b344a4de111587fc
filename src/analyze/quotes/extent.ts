/**
 * Boundaries of reported content: from a start offset to the end of its sentence, ignoring sentence
 * punctuation inside quotation marks («قال: "توقفنا. ثم عدنا"» is one quote). View offsets. Sentence ends are
 * those of the sentence splitter (text/sentences.ts), so «د.» or «أ.ف.ب» does not end a quote.
 */
import { endsSentence } from '../../text/sentences.ts';

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
/** Reported content longer than this is cut: a missing full stop must not swallow a page. */
export const MAX_CONTENT_CHARS = 600;

/** End (exclusive) of the sentence containing `start`, in view offsets of `text`. */
export function sentenceEnd(text: string, start: number): number {
  let depth = 0;
  let isInStraightQuote = false;
  const limit = Math.min(text.length, start + MAX_CONTENT_CHARS);
  for (let i = start; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '\n') return i;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') isInStraightQuote = !isInStraightQuote;
    else if (depth === 0 && !isInStraightQuote && endsSentence(text, i)) return i;
  }
  return limit;
}

/** Start of the sentence containing `end` (view offsets). */
export function sentenceStart(text: string, end: number): number {
  const limit = Math.max(0, end - MAX_CONTENT_CHARS);
  for (let i = end - 1; i >= limit; i--) if (endsSentence(text, i)) return i + 1;
  return limit;
}

/** Shrinks [start, end) past surrounding spaces and trailing commas. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /[\s،,:]/u.test(text[from]!)) from++;
  while (to > from && /[\s،,]/u.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}
