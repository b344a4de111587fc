/** Half-open character ranges and the invariants every stage's output must satisfy. */

/** Half-open [start, end) in UTF-16 code units of a text (an article body or a page text). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when `span` is a non-empty range inside a text of length `length`. */
export function isValidSpan(span: Span, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

/** Orders spans by (start, -end): outer spans before the spans they contain. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/** The first of the sorted, non-overlapping `spans` that overlaps [start, end), or null (binary search). */
export function findOverlapping<T extends Span>(spans: readonly T[], start: number, end: number): T | null {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (span.end <= start) low = middle + 1;
    else if (span.start >= end) high = middle - 1;
    else return span;
  }
  return null;
}
