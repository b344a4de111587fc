/**
 * SQLite implementation of the search port: FTS5 (contentless, BM25) over analysed terms plus a
 * search_docs table carrying filter columns. Tables come from migrations/sqlite/0020_create_search.sql.
 */
import type { Database, Statement } from 'better-sqlite3';
import { EngineError } from '../../core/errors.ts';
import type {
  SearchDocument,
  SearchFilters,
  SearchHitRow,
  SearchIndexPort,
  SearchPage,
  SearchRequest,
  SearchText,
} from '../search-types.ts';

/**
 * BM25 column weights (headline, body): a term in the headline counts three times as much.
 * Chosen by hand on the demo corpus so a story whose headline names the query outranks passing mentions.
 */
const HEADLINE_WEIGHT = 3.0;
const BODY_WEIGHT = 1.0;

/**
 * BM25 costs a few µs per matching row, so a very common term («الحكومة» matches 16% of a 100k index)
 * would take ~70 ms to rank. Only the most recently indexed matches, at most this many, are ranked;
 * counts stay exact. 4,000 keeps p95 under 50 ms on the 100k bench (bench/search.bench.ts).
 */
export const DEFAULT_MAX_RANKED_CANDIDATES = 4_000;

export interface SqliteSearchOptions {
  readonly maxRankedCandidates?: number;
}

export interface FilterSql {
  readonly where: string;
  readonly params: unknown[];
}

/** WHERE clauses on search_docs `d` for the filters, with their bound parameters. */
export function filterSql(filters: SearchFilters): FilterSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.outlet !== undefined) {
    clauses.push('d.outlet = ?');
    params.push(filters.outlet);
  }
  // A month- or year-precision date matches when it overlaps the range: compare on its own precision.
  if (filters.from !== undefined) {
    clauses.push('d.published IS NOT NULL AND d.published >= substr(?, 1, length(d.published))');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    clauses.push('d.published IS NOT NULL AND d.published <= substr(?, 1, length(d.published))');
    params.push(filters.to);
  }
  if (filters.articleIds !== undefined) {
    clauses.push('d.article_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.articleIds));
  }
  return { where: clauses.length === 0 ? '' : ` AND ${clauses.join(' AND ')}`, params };
}

/** The search methods over an open SQLite database that has run the search migration (a plain object, spread into the Store). */
export function createSqliteSearchIndex(db: Database, options: SqliteSearchOptions = {}): SearchIndexPort {
  const maxRanked = options.maxRankedCandidates ?? DEFAULT_MAX_RANKED_CANDIDATES;
  const statement = statementCache(db);
  const findDoc = db.prepare('SELECT doc FROM search_docs WHERE article_id = ?').pluck();
  const upsertDoc = db
    .prepare(
      `INSERT INTO search_docs (article_id, outlet, published, analyzer_version) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
       analyzer_version = excluded.analyzer_version
     RETURNING doc`,
    )
    .pluck();
  const deleteFts = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, headline, body) VALUES (?, ?, ?)');
  const deleteDoc = db.prepare('DELETE FROM search_docs WHERE doc = ?');
  const listUnindexed = db
    .prepare(
      `SELECT a.id FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
     WHERE d.doc IS NULL OR d.analyzer_version < ? ORDER BY a.seq LIMIT ?`,
    )
    .pluck();
  const countDocs = db.prepare('SELECT count(*) FROM search_docs').pluck();

  const write = db.transaction((documents: readonly SearchDocument[]) => {
    for (const document of documents) {
      const existing = findDoc.get(document.articleId) as number | undefined;
      if (existing !== undefined) deleteFts.run(existing);
      const doc = upsertDoc.get(
        document.articleId,
        document.outlet,
        document.published,
        document.analyzerVersion,
      ) as number;
      insertFts.run(doc, document.headlineTerms, document.bodyTerms);
    }
  });
  const remove = db.transaction((articleIds: readonly string[]) => {
    for (const id of articleIds) {
      const existing = findDoc.get(id) as number | undefined;
      if (existing === undefined) continue;
      deleteFts.run(existing);
      deleteDoc.run(existing);
    }
  });

  return {
    async upsertSearchDocuments(documents) {
      write.immediate(documents);
    },
    async removeSearchDocuments(articleIds) {
      remove.immediate(articleIds);
    },
    async searchDocuments(request) {
      return runSearch(statement, request, maxRanked);
    },
    async listUnindexedArticleIds(analyzerVersion, limit) {
      return listUnindexed.all(analyzerVersion, limit) as string[];
    },
    async countSearchDocuments() {
      return countDocs.get() as number;
    },
    async searchTexts(articleIds) {
      return statement(
        `SELECT id AS articleId, headline, body, outlet, published_date AS published FROM articles
         WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(articleIds)) as SearchText[];
    },
  };
}

type StatementCache = (sql: string) => Statement;

/** Prepared statements by SQL text: a few fixed texts per filter combination, parsed once per connection. */
function statementCache(db: Database): StatementCache {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}

const RANK = `-bm25(search_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT})`;

/**
 * Without filters, FTS5 answers alone: the count, the window's cutoff (rowid order) and the ranking never touch
 * search_docs, and only the page's rows are joined to their article ids. With filters, one pass joins every candidate
 * to its filter columns and lists the matching docs (newest first), which gives the count and the window; the ranking
 * then scores exactly the window's docs, and again only the page's rows are joined. Both give the same order: score,
 * then doc (= FTS5 rowid).
 */
function runSearch(statement: StatementCache, request: SearchRequest, maxRanked: number): SearchPage {
  const filters = filterSql(request.filters);
  const window = Math.max(maxRanked, request.offset + request.limit);
  try {
    if (filters.params.length > 0) return runFilteredSearch(statement, request, filters, window);
    const from = 'FROM search_fts WHERE search_fts MATCH ?';
    const total = statement(`SELECT count(*) ${from}`).pluck().get(request.match) as number;
    if (total === 0) return { total, hits: [], rankedCandidates: 0 };
    let cutoff = 0;
    if (total > window) {
      cutoff = statement(`SELECT search_fts.rowid ${from} ORDER BY search_fts.rowid DESC LIMIT 1 OFFSET ?`)
        .pluck()
        .get(request.match, window - 1) as number;
    }
    const hits = statement(`SELECT d.article_id AS articleId, r.score FROM (
        SELECT search_fts.rowid AS doc, ${RANK} AS score ${from} AND search_fts.rowid >= ?
        ORDER BY score DESC, search_fts.rowid LIMIT ? OFFSET ?) r
      JOIN search_docs d ON d.doc = r.doc ORDER BY r.score DESC, r.doc`).all(
      request.match,
      cutoff,
      request.limit,
      request.offset,
    ) as SearchHitRow[];
    return { total, hits, rankedCandidates: Math.min(total, window) };
  } catch (error) {
    throw new EngineError('store/failed', `Search failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * The filtered search: one join pass lists the docs that match and pass the filters, newest first (the count, and the
 * window of the `window` newest); the ranking scores only those docs. `+rowid` keeps SQLite from turning the doc list
 * into one FTS5 lookup per doc (a membership test per candidate instead).
 */
function runFilteredSearch(
  statement: StatementCache,
  request: SearchRequest,
  filters: FilterSql,
  window: number,
): SearchPage {
  const matching = statement(
    `SELECT search_fts.rowid FROM search_fts JOIN search_docs d ON d.doc = search_fts.rowid
     WHERE search_fts MATCH ?${filters.where} ORDER BY search_fts.rowid DESC`,
  )
    .pluck()
    .all(request.match, ...filters.params) as number[];
  const total = matching.length;
  if (total === 0) return { total, hits: [], rankedCandidates: 0 };
  const candidates = matching.length > window ? matching.slice(0, window) : matching;
  const hits = statement(`SELECT d.article_id AS articleId, r.score FROM (
      SELECT search_fts.rowid AS doc, ${RANK} AS score FROM search_fts
      WHERE search_fts MATCH ? AND search_fts.rowid >= ? AND +search_fts.rowid IN (SELECT value FROM json_each(?))
      ORDER BY score DESC, search_fts.rowid LIMIT ? OFFSET ?) r
    JOIN search_docs d ON d.doc = r.doc ORDER BY r.score DESC, r.doc`).all(
    request.match,
    candidates.at(-1)!,
    JSON.stringify(candidates),
    request.limit,
    request.offset,
  ) as SearchHitRow[];
  return { total, hits, rankedCandidates: candidates.length };
}
