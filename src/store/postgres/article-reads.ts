/** PostgreSQL ArticleStore: article listing, lookup by id or id prefix, with spans and annotation layers. */
import type pg from 'pg';
import type { ArticleStore, ArticleSummary, StoredArticle } from '../store.ts';
import { parseAnnotations, parseCitedSources, parseParagraphs, parsePublished, parseSpanRow, type AnnotationRow, type PublishedColumns, type SpanRow } from '../rows.ts';

interface SummaryRow {
  id: string;
  page_id: string;
  idx: number;
  headline: string | null;
  published_date: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  outlet: string | null;
  url: string;
  body_chars: number;
}

interface ArticleRow extends PublishedColumns {
  id: string;
  page_id: string;
  idx: number;
  headline: string | null;
  dek: string | null;
  body: string;
  outlet: string | null;
  cited_sources: unknown;
  paragraphs: unknown;
  annotated: boolean;
  url: string;
  fetched_at: string;
}

// char_length counts code points, exactly like SQLite's length() in the SQLite store, so bodyChars agrees across dialects.
const SUMMARY_COLUMNS = `a.id, a.page_id, a.idx, a.headline, a.published_date, a.published_precision, a.outlet, p.url,
  char_length(a.body) AS body_chars`;
// Newest first; undated last; then ingest order, so the listing is stable. Matches the articles_listing index.
const LIST_ORDER = 'ORDER BY a.published_date IS NULL, a.published_date DESC, a.seq';

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id, pageId: row.page_id, index: row.idx, headline: row.headline, outlet: row.outlet, url: row.url,
    published: row.published_date && row.published_precision ? { date: row.published_date, precision: row.published_precision } : null,
    bodyChars: row.body_chars,
  };
}

/** ArticleStore methods over a pool on a migrated schema. */
export function createArticleStore(pool: pg.Pool): ArticleStore {
  return {
    async listArticles(query) {
      const offset = query.offset ?? 0;
      const from = 'FROM articles a JOIN pages p ON p.id = a.page_id';
      const { rows } = query.outlet === undefined
        ? await pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${from} ${LIST_ORDER} LIMIT $1 OFFSET $2`, [query.limit, offset])
        : await pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${from} WHERE a.outlet = $1 ${LIST_ORDER} LIMIT $2 OFFSET $3`, [query.outlet, query.limit, offset]);
      return rows.map(toSummary);
    },
    async getArticle(id) {
      const { rows } = await pool.query<ArticleRow>('SELECT a.*, p.url, p.fetched_at FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = $1', [id]);
      const row = rows[0];
      if (!row) return null;
      const spans = await pool.query<SpanRow>(
        'SELECT article_idx, kind, reason, start_offset, end_offset FROM spans WHERE page_id = $1 AND article_idx = $2 ORDER BY seq',
        [row.page_id, row.idx],
      );
      const annotations = row.annotated
        ? parseAnnotations((await pool.query<AnnotationRow>('SELECT layer, data FROM annotations WHERE article_id = $1 ORDER BY layer, seq', [row.id])).rows)
        : null;
      const article: StoredArticle = {
        id: row.id, pageId: row.page_id, index: row.idx, url: row.url, fetchedAt: row.fetched_at,
        headline: row.headline, dek: row.dek, body: row.body, published: parsePublished(row), outlet: row.outlet,
        citedSources: parseCitedSources(row.cited_sources), paragraphs: parseParagraphs(row.paragraphs),
        spans: spans.rows.map(parseSpanRow), annotations,
      };
      return article;
    },
    async findArticleIds(prefix, limit) {
      // starts_with on the "C"-collated id: no LIKE wildcards to escape, byte order like SQLite.
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM articles WHERE starts_with(id, $1) ORDER BY id LIMIT $2', [prefix, limit]);
      return rows.map((r) => r.id);
    },
    async countArticles() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      return rows[0]?.n ?? 0;
    },
  };
}
