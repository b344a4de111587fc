/** Half-open character ranges and the invariants every stage's output must satisfy. */

/** Half-open [start, end) in UTF-16 code units of a text (an article body or a page text). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when `span` is a non-empty range inside a text of length `length`. */
export function isValidSpan(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= length;
}

/** Orders spans by (start, -end): outer spans before the spans they contain. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
