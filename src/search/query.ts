/**
 * Search query language: words (AND), "quoted phrases", -excluded words and word* prefixes,
 * analysed exactly like indexed text (normalise → variant fold → light stem), compiled to FTS5 MATCH.
 */
import { searchTerms } from '../text/stem.ts';

/** One query clause on analysed terms. */
export type QueryClause =
  | { readonly kind: 'term'; readonly term: string; readonly prefix: boolean }
  | { readonly kind: 'phrase'; readonly terms: readonly string[] };

export interface ParsedQuery {
  /** Clauses every hit must satisfy. */
  readonly required: readonly QueryClause[];
  /** Clauses no hit may satisfy. */
  readonly excluded: readonly QueryClause[];
}

/** Longest query we analyse; longer input is cut (a query is typed, not pasted articles). */
export const MAX_QUERY_CHARS = 500;
/** At most this many clauses reach FTS5, which keeps pathological queries cheap. */
export const MAX_CLAUSES = 32;

const PIECE_RE = /(?<neg>-?)"(?<phrase>[^"]*)"?|(?<neg2>-?)(?<word>[^\s"]+)/gu;
const PREFIX_MARK_RE = /\*+$/u;

function wordClauses(word: string): QueryClause[] {
  const isPrefix = PREFIX_MARK_RE.test(word);
  const bare = word.replace(PREFIX_MARK_RE, '');
  const terms = searchTerms(bare);
  // A prefix matches indexed stems: «الأمري*» → stems starting with «امري».
  if (isPrefix && terms.length === 1) return [{ kind: 'term', term: terms[0]!, prefix: true }];
  // «الولايات-المتحدة» or «U.S» analyse to several terms: they must be adjacent, so make a phrase.
  if (terms.length > 1) return [{ kind: 'phrase', terms }];
  return terms.map((term) => ({ kind: 'term', term, prefix: false }));
}

/** Parses a user query; words that analyse to nothing (stop words, punctuation) are dropped. */
export function parseQuery(raw: string): ParsedQuery {
  const required: QueryClause[] = [];
  const excluded: QueryClause[] = [];
  for (const match of raw.slice(0, MAX_QUERY_CHARS).matchAll(PIECE_RE)) {
    const groups = match.groups ?? {};
    const isNegated = (groups.neg ?? groups.neg2 ?? '') === '-';
    let clauses: QueryClause[];
    if (groups.phrase !== undefined) {
      const terms = searchTerms(groups.phrase);
      clauses =
        terms.length === 0
          ? []
          : terms.length === 1
            ? [{ kind: 'term', term: terms[0]!, prefix: false }]
            : [{ kind: 'phrase', terms }];
    } else {
      clauses = wordClauses(groups.word ?? '');
    }
    (isNegated ? excluded : required).push(...clauses);
  }
  return { required: required.slice(0, MAX_CLAUSES), excluded: excluded.slice(0, MAX_CLAUSES) };
}

/** FTS5 string literal: terms are letters and digits only, but quote defensively. */
function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

function clauseToFts(clause: QueryClause): string {
  if (clause.kind === 'phrase') return quote(clause.terms.join(' '));
  return clause.prefix ? `${quote(clause.term)}*` : quote(clause.term);
}

/** The FTS5 MATCH expression, or null when nothing positive is left to match. */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (query.required.length === 0) return null;
  const positive = query.required.map(clauseToFts).join(' AND ');
  if (query.excluded.length === 0) return positive;
  return `(${positive}) NOT (${query.excluded.map(clauseToFts).join(' OR ')})`;
}

/** What a hit's text is highlighted with: exact terms and prefixes from the required clauses. */
export interface HighlightTerms {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export function highlightTerms(query: ParsedQuery): HighlightTerms {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of query.required) {
    if (clause.kind === 'phrase') for (const term of clause.terms) exact.add(term);
    else if (clause.prefix) prefixes.push(clause.term);
    else exact.add(clause.term);
  }
  return { exact, prefixes };
}

/** True when an analysed term matches the highlight set. */
export function isHighlighted(term: string, terms: HighlightTerms): boolean {
  if (terms.exact.has(term)) return true;
  for (const prefix of terms.prefixes) if (term.startsWith(prefix)) return true;
  return false;
}
