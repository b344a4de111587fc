/**
 * Sentence spans of an article body for timeline entries and claim context: split at line breaks and at
 * . ! ? ؟ ؛ (a full stop between digits, as in «2.5», does not split). Offsets index the body.
 */
import type { Span } from '../../core/span.ts';

const BOUNDARY_RE = /\n|[!?؟؛]|\.(?!\d)/gu;

/** Non-empty, whitespace-trimmed sentence spans in order. */
export function sentenceSpans(body: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(body[s]!)) s++;
    while (e > s && /\s/u.test(body[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const match of body.matchAll(BOUNDARY_RE)) {
    const end = match[0] === '\n' ? match.index : match.index + 1;
    push(end);
    start = match.index + 1;
  }
  push(body.length);
  return spans;
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
