/**
 * Sentence lookup for timeline entries and claim context. Sentences come from the shared Arabic splitter
 * (text/sentences.ts: decimal points, initials and abbreviations such as «أ.ف.ب» do not split).
 */
import type { Span } from '../../core/span.ts';
import { splitSentences } from '../../text/sentences.ts';

/** Non-empty, whitespace-trimmed sentence spans of an article body, in order. */
export function sentenceSpans(body: string): Span[] {
  return splitSentences(body);
}

/** The sentence containing [start, end) (the first one it overlaps), or the range itself when none does. */
export function sentenceAround(spans: readonly Span[], start: number, end: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (span.end <= start) lo = mid + 1;
    else if (span.start >= end) hi = mid - 1;
    else return span;
  }
  return { start, end };
}
