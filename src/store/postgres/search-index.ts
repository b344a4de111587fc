/**
 * PostgreSQL implementation of the search port: a tsvector of Marsad's analysed terms per article (built in TS,
 * ts-vector.ts), a GIN index, FTS5 MATCH expressions translated to tsquery (fts-match.ts), ranked by ts_rank.
 */
import type pg from 'pg';
import { EngineError } from '../../core/errors.ts';
import type {
  SearchFilters,
  SearchHitRow,
  SearchIndexPort,
  SearchPage,
  SearchRequest,
  SearchText,
} from '../search-types.ts';
import { ftsMatchToTsQuery } from './fts-match.ts';
import { pgText } from './pg-text.ts';
import { prepared } from './prepared.ts';
import { toTsVector } from './ts-vector.ts';

/**
 * ts_rank weights {D, C, B, A}: body terms are D, headline terms A. A headline term counts three times as much
 * as a body term, the ratio the SQLite store's BM25 column weights use (HEADLINE_WEIGHT 3 / BODY_WEIGHT 1).
 */
const RANK_WEIGHTS = '{0.333333, 0.2, 0.4, 1.0}';

interface FilterSql {
  readonly where: string;
  readonly values: unknown[];
}

/** WHERE clauses on search_docs `d` for the filters; parameters are numbered after `values`. */
function filterSql(filters: SearchFilters, values: unknown[]): FilterSql {
  const clauses: string[] = [];
  if (filters.outlet !== undefined) clauses.push(`d.outlet = $${values.push(filters.outlet)}`);
  // A month- or year-precision date matches when it overlaps the range: compare on its own precision.
  if (filters.from !== undefined)
    clauses.push(`d.published >= substr($${values.push(filters.from)}, 1, length(d.published))`);
  if (filters.to !== undefined)
    clauses.push(`d.published <= substr($${values.push(filters.to)}, 1, length(d.published))`);
  if (filters.articleIds !== undefined) clauses.push(`d.article_id = ANY($${values.push(filters.articleIds)}::text[])`);
  return { where: clauses.map((c) => ` AND ${c}`).join(''), values };
}

const UPSERT_DOCS = `
  INSERT INTO search_docs (article_id, outlet, published, analyzer_version, terms)
  SELECT article_id, outlet, published, analyzer_version, terms::tsvector
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY
    AS u (article_id, outlet, published, analyzer_version, terms, ord)
  ORDER BY ord
  ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
    analyzer_version = excluded.analyzer_version, terms = excluded.terms`;
const LIST_UNINDEXED = `
  SELECT a.id FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
  WHERE d.doc IS NULL OR d.analyzer_version < $1 ORDER BY a.seq LIMIT $2`;

/**
 * Like the SQLite store (sqlite/search-index.ts DEFAULT_MAX_RANKED_CANDIDATES, chosen on its 100k bench): only the
 * most recently indexed matches, at most this many, are ranked; the count stays exact. ts_rank reads each
 * candidate's tsvector, so ranking every match of a very common term would grow with the corpus.
 */
export const DEFAULT_MAX_RANKED_CANDIDATES = 4_000;

export interface PostgresSearchOptions {
  readonly maxRankedCandidates?: number;
}

async function runSearch(pool: pg.Pool, request: SearchRequest, maxRanked: number): Promise<SearchPage> {
  const tsQuery = ftsMatchToTsQuery(request.match);
  const { where, values } = filterSql(request.filters, [tsQuery]);
  const matching = `FROM search_docs d WHERE d.terms @@ $1::tsquery${where}`;
  try {
    const total =
      (await prepared<{ n: number }>(pool, `SELECT count(*)::int AS n ${matching}`, values)).rows[0]?.n ?? 0;
    if (total === 0) return { total, hits: [], rankedCandidates: 0 };
    const window = Math.max(maxRanked, request.offset + request.limit);
    const [windowAt, limitAt, offsetAt] = [
      values.push(window),
      values.push(request.limit),
      values.push(request.offset),
    ];
    const { rows } = await prepared<SearchHitRow>(
      pool,
      `
      WITH candidates AS (SELECT d.doc, d.article_id, d.terms ${matching} ORDER BY d.doc DESC LIMIT $${windowAt})
      SELECT article_id AS "articleId", ts_rank('${RANK_WEIGHTS}', terms, $1::tsquery) AS score FROM candidates
      ORDER BY score DESC, doc LIMIT $${limitAt} OFFSET $${offsetAt}`,
      values,
    );
    return { total, hits: rows, rankedCandidates: Math.min(total, window) };
  } catch (error) {
    throw new EngineError('store/failed', `Search failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** The search methods over a pool on a schema that has run the search migration. */
export function createPostgresSearchIndex(pool: pg.Pool, options: PostgresSearchOptions = {}): SearchIndexPort {
  const maxRanked = options.maxRankedCandidates ?? DEFAULT_MAX_RANKED_CANDIDATES;
  return {
    async upsertSearchDocuments(documents) {
      if (documents.length === 0) return;
      // The last version of an article in the batch wins, as with row-by-row upserts.
      const latest = [...new Map(documents.map((d) => [d.articleId, d])).values()];
      const columns = [
        latest.map((d) => d.articleId),
        latest.map((d) => pgText(d.outlet)),
        latest.map((d) => pgText(d.published)),
        latest.map((d) => d.analyzerVersion),
        latest.map((d) => toTsVector(d.headlineTerms, d.bodyTerms)),
      ];
      await prepared(pool, UPSERT_DOCS, columns); // one statement: atomic on its own
    },
    async removeSearchDocuments(articleIds) {
      await prepared(pool, 'DELETE FROM search_docs WHERE article_id = ANY($1::text[])', [articleIds]);
    },
    searchDocuments: (request) => runSearch(pool, request, maxRanked),
    async listUnindexedArticleIds(analyzerVersion, limit) {
      const { rows } = await prepared<{ id: string }>(pool, LIST_UNINDEXED, [analyzerVersion, limit]);
      return rows.map((r) => r.id);
    },
    async countSearchDocuments() {
      const { rows } = await prepared<{ n: number }>(pool, 'SELECT count(*)::int AS n FROM search_docs');
      return rows[0]?.n ?? 0;
    },
    async searchTexts(articleIds) {
      const { rows } = await prepared<SearchText>(
        pool,
        `SELECT id AS "articleId", headline, body, outlet, published_date AS published FROM articles
         WHERE id = ANY($1::text[])`,
        [articleIds],
      );
      return rows;
    },
  };
}
