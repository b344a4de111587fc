/**
 * PostgreSQL implementation of the search port: a tsvector of Marsad's analysed terms per article (built in TS,
 * ts-vector.ts), a GIN index, FTS5 MATCH expressions translated to tsquery (fts-match.ts), ranked by ts_rank.
 */
import type pg from 'pg';
import { EngineError } from '../../core/errors.ts';
import type { SearchFilters, SearchHitRow, SearchIndexPort, SearchPage, SearchRequest } from '../search-types.ts';
import { ftsMatchToTsQuery } from './fts-match.ts';
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
  if (filters.from !== undefined) clauses.push(`d.published >= substr($${values.push(filters.from)}, 1, length(d.published))`);
  if (filters.to !== undefined) clauses.push(`d.published <= substr($${values.push(filters.to)}, 1, length(d.published))`);
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

async function runSearch(pool: pg.Pool, request: SearchRequest): Promise<SearchPage> {
  const query = ftsMatchToTsQuery(request.match);
  const { where, values } = filterSql(request.filters, [query]);
  const from = `FROM search_docs d WHERE d.terms @@ $1::tsquery${where}`;
  try {
    const counted = await pool.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, values);
    const total = counted.rows[0]?.n ?? 0;
    if (total === 0) return { total, hits: [] };
    const limit = values.push(request.limit);
    const offset = values.push(request.offset);
    const { rows } = await pool.query<SearchHitRow>(
      `SELECT d.article_id AS "articleId", ts_rank('${RANK_WEIGHTS}', d.terms, $1::tsquery) AS score ${from}
       ORDER BY score DESC, d.doc LIMIT $${limit} OFFSET $${offset}`,
      values,
    );
    return { total, hits: rows };
  } catch (error) {
    throw new EngineError('store/failed', `Search failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The search methods over a pool on a schema that has run the search migration. */
export function createPostgresSearchIndex(pool: pg.Pool): SearchIndexPort {
  return {
    async upsertSearchDocuments(documents) {
      if (documents.length === 0) return;
      // The last version of an article in the batch wins, as with row-by-row upserts.
      const latest = [...new Map(documents.map((d) => [d.articleId, d])).values()];
      const columns = [
        latest.map((d) => d.articleId), latest.map((d) => d.outlet), latest.map((d) => d.published),
        latest.map((d) => d.analyzerVersion), latest.map((d) => toTsVector(d.headlineTerms, d.bodyTerms)),
      ];
      await pool.query(UPSERT_DOCS, columns); // one statement: atomic on its own
    },
    async removeSearchDocuments(articleIds) {
      await pool.query('DELETE FROM search_docs WHERE article_id = ANY($1::text[])', [articleIds]);
    },
    searchDocuments: (request) => runSearch(pool, request),
    async listUnindexedArticleIds(analyzerVersion, limit) {
      const { rows } = await pool.query<{ id: string }>(LIST_UNINDEXED, [analyzerVersion, limit]);
      return rows.map((r) => r.id);
    },
    async countSearchDocuments() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM search_docs');
      return rows[0]?.n ?? 0;
    },
  };
}
