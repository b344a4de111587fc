/**
 * Builds the tsvector literal of a search document from Marsad's analysed terms (src/text/stem.ts), in TS so
 * PostgreSQL's own parser and dictionaries never touch the text: headline positions weighted A, body D.
 */

/**
 * Token characters, as FTS5's unicode61 tokenizer splits the same term strings in the SQLite store
 * (letters, digits, marks, private use; everything else separates), so both dialects index the same terms.
 */
export const TERM_RE = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** PostgreSQL stores positions 1..16383 and clamps larger ones; we clamp first so the literal is exact. */
const MAX_POSITION = 16_383;
/** PostgreSQL keeps at most 256 positions per lexeme; more would be dropped silently, so we drop them here. */
const MAX_POSITIONS_PER_LEXEME = 256;
/** A lexeme must be shorter than 2 KB in UTF-8; a longer "term" is junk (a base64 blob), not a word. */
const MAX_LEXEME_BYTES = 2_046;
/**
 * Unused positions between the last headline term and the first body term: the phrase operator `<->` needs
 * positions exactly 1 apart, so one empty position keeps a phrase inside one field, as FTS5 columns do.
 */
const FIELD_GAP = 1;

/** The analysed terms of a field, split and case-folded the way FTS5 unicode61 does. */
export function splitTerms(terms: string): string[] {
  return [...terms.matchAll(TERM_RE)].map((m) => m[0].toLowerCase());
}

/** A lexeme quoted for tsvector/tsquery input: quotes and backslashes doubled/escaped. */
export function quoteLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function addPositions(positions: Map<string, string[]>, terms: readonly string[], first: number, weight: string): void {
  terms.forEach((term, i) => {
    if (Buffer.byteLength(term, 'utf8') > MAX_LEXEME_BYTES) return;
    const list = positions.get(term) ?? [];
    if (list.length >= MAX_POSITIONS_PER_LEXEME) return;
    const position = Math.min(first + i, MAX_POSITION);
    const label = `${position}${weight}`;
    if (list.at(-1) !== label) list.push(label);
    positions.set(term, list);
  });
}

/** The tsvector literal for one document: `'term':1A,4A 'other':7`; '' for a document without terms. */
export function toTsVector(headlineTerms: string, bodyTerms: string): string {
  const headline = splitTerms(headlineTerms);
  const positions = new Map<string, string[]>();
  addPositions(positions, headline, 1, 'A');
  addPositions(positions, splitTerms(bodyTerms), headline.length + 1 + FIELD_GAP, '');
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}
