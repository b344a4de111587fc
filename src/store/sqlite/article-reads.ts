/** SQLite ArticleStore: article listing, lookup by id or id prefix, with spans and annotation layers. */
import type { Database } from 'better-sqlite3';
import type { ArticleStore, StoredArticle } from '../store.ts';
import {
  ARTICLE_LIST_ORDER,
  parseAnnotations,
  parseCitedSources,
  parseParagraphs,
  parsePublished,
  parseSpanRow,
  type AnnotationRow,
  type PublishedColumns,
  type SpanRow,
  type SummaryRow,
  toArticleSummary,
} from '../rows.ts';

interface ArticleRow extends PublishedColumns {
  id: string;
  page_id: string;
  idx: number;
  headline: string | null;
  dek: string | null;
  body: string;
  outlet: string | null;
  cited_sources: string;
  paragraphs: string;
  annotated: number;
  url: string;
  fetched_at: string;
}

const SUMMARY_COLUMNS = `a.id, a.page_id, a.idx, a.headline, a.published_date, a.published_precision, a.outlet, p.url,
  length(a.body) AS body_chars`;

/** ArticleStore methods over an open, migrated database. */
export function createArticleStore(db: Database): ArticleStore {
  const list = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id ${ARTICLE_LIST_ORDER} LIMIT ? OFFSET ?`,
  );
  const listByOutlet = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.outlet = ? ${ARTICLE_LIST_ORDER} LIMIT ? OFFSET ?`,
  );
  const selectArticle = db.prepare(
    `SELECT a.*, p.url, p.fetched_at FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?`,
  );
  const selectSpans = db.prepare(
    'SELECT article_idx, kind, reason, start_offset, end_offset FROM spans WHERE page_id = ? AND article_idx = ? ORDER BY seq',
  );
  const selectAnnotations = db.prepare('SELECT layer, data FROM annotations WHERE article_id = ? ORDER BY layer, seq');
  // Range scan on the unique index instead of LIKE, whose wildcards and case folding don't suit ids.
  const selectPrefix = db.prepare('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').pluck();
  const countArticles = db.prepare('SELECT count(*) FROM articles').pluck();

  return {
    async listArticles(query) {
      const offset = query.offset ?? 0;
      const rows = (
        query.outlet === undefined ? list.all(query.limit, offset) : listByOutlet.all(query.outlet, query.limit, offset)
      ) as SummaryRow[];
      return rows.map(toArticleSummary);
    },
    async getArticle(id) {
      const row = selectArticle.get(id) as ArticleRow | undefined;
      if (!row) return null;
      const article: StoredArticle = {
        id: row.id,
        pageId: row.page_id,
        index: row.idx,
        url: row.url,
        fetchedAt: row.fetched_at,
        headline: row.headline,
        dek: row.dek,
        body: row.body,
        published: parsePublished(row),
        outlet: row.outlet,
        citedSources: parseCitedSources(row.cited_sources),
        paragraphs: parseParagraphs(row.paragraphs),
        spans: (selectSpans.all(row.page_id, row.idx) as SpanRow[]).map(parseSpanRow),
        annotations: row.annotated === 1 ? parseAnnotations(selectAnnotations.all(row.id) as AnnotationRow[]) : null,
      };
      return article;
    },
    async findArticleIds(prefix, limit) {
      return selectPrefix.all(prefix, `${prefix}\uffff`, limit) as string[];
    },
    async countArticles() {
      return countArticles.get() as number;
    },
  };
}
