/** PostgreSQL ArticleStore: article listing, lookup by id or id prefix, with spans and annotation layers. */
import type pg from 'pg';
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
import { prepared } from './prepared.ts';

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
  spans: SpanRow[];
  annotations: AnnotationRow[];
}

// char_length counts code points, exactly like SQLite's length() in the SQLite store, so bodyChars agrees across dialects.
const SUMMARY_COLUMNS = `a.id, a.page_id, a.idx, a.headline, a.published_date, a.published_precision, a.outlet, p.url,
  char_length(a.body) AS body_chars`;

/**
 * The article with its spans and annotation rows in one round trip (getArticle is the hot path: search loads
 * every hit through it). json_agg keeps the order; offsets stay JSON numbers, mention data stays as written.
 * Columns are listed, never `a.*`: a prepared statement whose result shape changes (a later migration adding a
 * column while this process runs) would fail with "cached plan must not change result type".
 */
const SELECT_ARTICLE = `
  SELECT a.id, a.page_id, a.idx, a.headline, a.dek, a.body, a.published_date, a.published_precision, a.published_text,
    a.published_from, a.published_start, a.published_end, a.outlet, a.cited_sources, a.paragraphs, a.annotated, p.url, p.fetched_at,
    (SELECT coalesce(json_agg(json_build_object('article_idx', s.article_idx, 'kind', s.kind, 'reason', s.reason,
        'start_offset', s.start_offset, 'end_offset', s.end_offset) ORDER BY s.seq), '[]')
      FROM spans s WHERE s.page_id = a.page_id AND s.article_idx = a.idx) AS spans,
    (SELECT coalesce(json_agg(json_build_object('layer', n.layer, 'data', n.data) ORDER BY n.layer, n.seq), '[]')
      FROM annotations n WHERE n.article_id = a.id) AS annotations
  FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = $1`;

/** ArticleStore methods over a pool on a migrated schema. */
export function createArticleStore(pool: pg.Pool): ArticleStore {
  return {
    async listArticles(query) {
      const offset = query.offset ?? 0;
      const from = 'FROM articles a JOIN pages p ON p.id = a.page_id';
      const { rows } =
        query.outlet === undefined
          ? await prepared<SummaryRow>(
              pool,
              `SELECT ${SUMMARY_COLUMNS} ${from} ${ARTICLE_LIST_ORDER} LIMIT $1 OFFSET $2`,
              [query.limit, offset],
            )
          : await prepared<SummaryRow>(
              pool,
              `SELECT ${SUMMARY_COLUMNS} ${from} WHERE a.outlet = $1 ${ARTICLE_LIST_ORDER} LIMIT $2 OFFSET $3`,
              [query.outlet, query.limit, offset],
            );
      return rows.map(toArticleSummary);
    },
    async getArticle(id) {
      const row = (await prepared<ArticleRow>(pool, SELECT_ARTICLE, [id])).rows[0];
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
        spans: row.spans.map(parseSpanRow),
        annotations: row.annotated ? parseAnnotations(row.annotations) : null,
      };
      return article;
    },
    async findArticleIds(prefix, limit) {
      // starts_with on the "C"-collated id: no LIKE wildcards to escape, byte order like SQLite.
      const { rows } = await prepared<{ id: string }>(
        pool,
        'SELECT id FROM articles WHERE starts_with(id, $1) ORDER BY id LIMIT $2',
        [prefix, limit],
      );
      return rows.map((r) => r.id);
    },
    async countArticles() {
      const { rows } = await prepared<{ n: number }>(pool, 'SELECT count(*)::int AS n FROM articles');
      return rows[0]?.n ?? 0;
    },
  };
}
