/**
 * Highlighted snippets computed in TS on the original text: the text is re-analysed token by token,
 * matched terms map back to exact source spans, and the densest window of matches is cut out.
 */
import type { Span } from '../core/span.ts';
import { foldInverse } from '../text/normalize.ts';
import { searchTermOfWord, searchTokens, type TermCache } from '../text/stem.ts';
import { wordRunAt } from '../text/tokenize.ts';
import { isHighlighted, type HighlightTerms } from './query.ts';

export interface Snippet {
  /** The excerpt, cut from the original text (never normalised). */
  readonly text: string;
  /** Where the excerpt sits in the original text. */
  readonly start: number;
  readonly end: number;
  /** Matched words, relative to `text`. */
  readonly highlights: readonly Span[];
  readonly truncatedStart: boolean;
  readonly truncatedEnd: boolean;
}

/** Snippet length in UTF-16 units: about two lines of a results page (≈ 30 Arabic words). */
export const SNIPPET_CHARS = 220;
const WHITESPACE_RE = /\s/u;

/**
 * Source spans of every token of `text` whose analysed term matches `terms`, by analysing every token (the reference
 * that `findHighlights` must equal; used when no raw-text pattern can be built).
 */
export function findHighlightsByTokens(text: string, terms: HighlightTerms, cache?: TermCache): Span[] {
  const spans: Span[] = [];
  for (const token of searchTokens(text, cache)) {
    if (isHighlighted(token.term, terms)) spans.push({ start: token.start, end: token.end });
  }
  return spans;
}

const SEARCH_FOLD_INVERSE = foldInverse('search');

/** A regex character class of these code units. */
function unitClass(units: readonly number[]): string {
  return `[${units.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('')}]`;
}

/**
 * A pattern over raw text that every word whose term contains `folded` matches somewhere: the term is a substring of
 * the word's folded form (Light10 only strips affixes), and folding maps each code unit to one code unit or drops it,
 * so the raw word holds, in order, a source of each code unit of `folded` with dropped code units in between. Code
 * units a spelling variant may move («يرك/ريك») match any of the variant's code units.
 */
function rawPattern(folded: string): string | null {
  const inverse = SEARCH_FOLD_INVERSE;
  if (inverse === null || folded.length === 0) return null;
  const variantSources = [...inverse.variantUnits].flatMap((unit) => inverse.sourcesOf(unit));
  const between = `${unitClass(inverse.dropped)}*`;
  const parts: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    parts.push(unitClass(inverse.variantUnits.has(code) ? variantSources : inverse.sourcesOf(code)));
  }
  return parts.join(between);
}

/** Candidate finders by highlight set: one regex per query, reused for every hit of the page. */
const CANDIDATE_PATTERNS = new WeakMap<HighlightTerms, RegExp | null>();

/** One regex matching (a superset of) the raw words whose term is highlighted, or null when none can be built. */
function candidatePattern(terms: HighlightTerms): RegExp | null {
  let pattern = CANDIDATE_PATTERNS.get(terms);
  if (pattern !== undefined) return pattern;
  const alternatives = [...terms.exact, ...terms.prefixes].map(rawPattern);
  pattern =
    alternatives.length > 0 && alternatives.every((p) => p !== null)
      ? new RegExp(alternatives.map((p) => `(?:${p})`).join('|'), 'g')
      : null;
  CANDIDATE_PATTERNS.set(terms, pattern);
  return pattern;
}

/**
 * Source spans of every token of `text` whose analysed term matches `terms`. Only the words where a raw-text pattern of
 * the terms occurs are analysed (a few per text instead of every token); the spans equal `findHighlightsByTokens`.
 */
export function findHighlights(text: string, terms: HighlightTerms, cache?: TermCache): Span[] {
  const pattern = candidatePattern(terms);
  if (pattern === null) return findHighlightsByTokens(text, terms, cache);
  const spans: Span[] = [];
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match === null) break;
    const run = wordRunAt(text, match.index);
    if (run === null) {
      position = match.index + 1;
      continue;
    }
    const term = searchTermOfWord(text.slice(run.start, run.end), cache);
    if (term !== null && isHighlighted(term, terms)) spans.push(run);
    position = run.end;
  }
  return spans;
}

/** First-to-last highlight range of the `width`-char window covering most highlights (two-pointer sweep). */
function densestCluster(spans: readonly Span[], width: number): Span {
  let best: Span = { start: 0, end: 0 };
  let bestCount = 0;
  let right = 0;
  for (let left = 0; left < spans.length; left++) {
    right = Math.max(right, left);
    while (right < spans.length && spans[right]!.end - spans[left]!.start <= width) right++;
    const candidate = { start: spans[left]!.start, end: spans[right - 1]!.end };
    // More matches win; among equals the tighter cluster (the matches read as one passage).
    const isTighter = right - left === bestCount && candidate.end - candidate.start < best.end - best.start;
    if (right - left > bestCount || isTighter) {
      bestCount = right - left;
      best = candidate;
    }
  }
  return best;
}

/** Moves `offset` back (or forward) to the nearest whitespace so words are never cut. */
function snapToSpace(text: string, offset: number, direction: -1 | 1, limit: number): number {
  let position = offset;
  for (let steps = 0; steps < limit; steps++) {
    if (position <= 0) return 0;
    if (position >= text.length) return text.length;
    if (WHITESPACE_RE.test(text[position - 1]!) || WHITESPACE_RE.test(text[position]!)) return position;
    position += direction;
  }
  return offset;
}

/** Longest distance we move a window edge to land on a space (one long Arabic word). */
const SNAP_LIMIT = 20;

/**
 * A snippet of about `maxChars` around the densest cluster of matches (the text's start when none),
 * with highlight spans relative to the snippet.
 */
export function buildSnippet(
  text: string,
  terms: HighlightTerms,
  maxChars = SNIPPET_CHARS,
  cache?: TermCache,
): Snippet {
  const all = findHighlights(text, terms, cache);
  const cluster = densestCluster(all, maxChars);
  // Lead in with some context before the first match: half the slack, at most a sixth of the window.
  const leadIn = Math.min(Math.floor(maxChars / 6), Math.floor((maxChars - (cluster.end - cluster.start)) / 2));
  let start = snapToSpace(text, Math.max(0, cluster.start - Math.max(0, leadIn)), 1, SNAP_LIMIT);
  let end = snapToSpace(text, Math.min(text.length, start + maxChars), -1, SNAP_LIMIT);
  if (end <= start) end = Math.min(text.length, start + maxChars);
  while (start < end && WHITESPACE_RE.test(text[start]!)) start++;
  while (end > start && WHITESPACE_RE.test(text[end - 1]!)) end--;
  const highlights = all
    .filter((span) => span.start >= start && span.end <= end)
    .map((span) => ({ start: span.start - start, end: span.end - start }));
  return {
    text: text.slice(start, end),
    start,
    end,
    highlights,
    truncatedStart: start > 0,
    truncatedEnd: end < text.length,
  };
}
