/**
 * Sentence lookup for timeline entries and claim context. Sentences come from the shared Arabic splitter
 * (text/sentences.ts: decimal points, initials and abbreviations such as «أ.ف.ب» do not split).
 */
import { findOverlapping, type Span } from '../../core/span.ts';
import { splitSentences } from '../../text/sentences.ts';

/** Non-empty, whitespace-trimmed sentence spans of an article body, in order. */
export function sentenceSpans(body: string): Span[] {
  return splitSentences(body);
}

/** The sentence containing [start, end) (the first one it overlaps), or the range itself when none does. */
export function sentenceAround(spans: readonly Span[], start: number, end: number): Span {
  return findOverlapping(spans, start, end) ?? { start, end };
}
