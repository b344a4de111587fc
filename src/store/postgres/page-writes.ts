/**
 * PostgreSQL PageStore: idempotent batch writes of pages with their articles, spans and annotation rows
 * (one transaction per batch, each table written by one multi-row `unnest` insert), and page reads.
 */
import type pg from 'pg';
import type { ArticleAnnotations } from '../../core/annotation.ts';
import { EngineError } from '../../core/errors.ts';
import { articleIdFor } from '../../core/ids.ts';
import type { ContentType, PageDecoding } from '../../core/page.ts';
import type { PageRecord, PageStore, StoredPage, WriteResult } from '../store.ts';
import { parseSpanRow, type AnnotationRow, type SpanRow } from '../rows.ts';
import { pgJson, pgText } from './pg-text.ts';
import { withTransaction } from './transaction.ts';
import { prepared } from './prepared.ts';

type Layer = AnnotationRow['layer'];
const LAYERS: readonly Layer[] = ['entities', 'quantities', 'quotes', 'times'];

/** The lookup key stored beside each annotation row. Coupled to annotationKey in sqlite/page-writes.ts (same keys). */
function annotationKey(layer: Layer, mention: Record<string, unknown>): string | null {
  const key = {
    entities: mention.entityId,
    quantities: mention.unit,
    quotes: mention.speakerEntityId ?? mention.speaker,
    times: mention.value,
  }[layer];
  return typeof key === 'string' ? key : null;
}

// Rows go in as parallel arrays (one bound parameter per column). Pages are inserted in id order: two ingests
// writing overlapping batches then wait on each other's rows in the same order instead of deadlocking.
const INSERT_PAGES = `
  INSERT INTO pages (id, url, fetched_at, content_type, encoding, body, page_text, decoding)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    AS u (id, url, fetched_at, content_type, encoding, body, page_text, decoding)
  ORDER BY id
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;
const INSERT_SPANS = `
  INSERT INTO spans (page_id, seq, article_idx, kind, reason, start_offset, end_offset)
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[])`;
// Articles keep the batch order (WITH ORDINALITY): their seq is the listing's ingest-order tie-break.
const INSERT_ARTICLES = `
  INSERT INTO articles (id, page_id, idx, headline, dek, body, published_date, published_precision, published_text,
    published_from, published_start, published_end, outlet, cited_sources, paragraphs, annotated)
  SELECT id, page_id, idx, headline, dek, body, published_date, published_precision, published_text,
    published_from, published_start, published_end, outlet, cited::jsonb, paragraphs::jsonb, annotated
  FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[], $16::boolean[])
    WITH ORDINALITY AS u (id, page_id, idx, headline, dek, body, published_date, published_precision, published_text,
      published_from, published_start, published_end, outlet, cited, paragraphs, annotated, ord)
  ORDER BY ord`;
const INSERT_ANNOTATIONS = `
  INSERT INTO annotations (article_id, layer, seq, start_offset, end_offset, key, data)
  SELECT article_id, layer, seq, start_offset, end_offset, key, data::jsonb
  FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])
    AS u (article_id, layer, seq, start_offset, end_offset, key, data)`;

/** Column-wise arrays for one `unnest` insert: push a row, read the columns. */
class Columns {
  readonly columns: unknown[][];
  constructor(count: number) {
    this.columns = Array.from({ length: count }, () => []);
  }
  push(...row: unknown[]): void {
    row.forEach((value, i) => this.columns[i]!.push(value));
  }
  get isEmpty(): boolean {
    return this.columns[0]!.length === 0;
  }
}

function annotationRows(rows: Columns, articleId: string, annotations: ArticleAnnotations): void {
  for (const layer of LAYERS) {
    annotations[layer].forEach((mention, seq) => {
      const data = mention as unknown as Record<string, unknown>;
      rows.push(articleId, layer, seq, mention.start, mention.end, pgText(annotationKey(layer, data)), pgJson(mention));
    });
  }
}

/** Spans, articles and annotations of the newly inserted pages, as column arrays. */
function childRows(records: readonly PageRecord[]): {
  spans: Columns;
  articles: Columns;
  annotations: Columns;
  articleIds: string[];
} {
  const spans = new Columns(7);
  const articles = new Columns(16);
  const annotations = new Columns(7);
  const articleIds: string[] = [];
  for (const { page, spans: pageSpans, articles: pageArticles } of records) {
    pageSpans.forEach((s, seq) =>
      spans.push(page.id, seq, s.article ?? null, pgText(s.kind), pgText(s.reason ?? null), s.start, s.end),
    );
    pageArticles.forEach(({ article, annotations: layers }, idx) => {
      const id = articleIdFor(page.id, idx);
      const p = article.published;
      articles.push(
        id,
        page.id,
        idx,
        pgText(article.headline),
        pgText(article.dek),
        pgText(article.body),
        pgText(p?.date ?? null),
        p?.precision ?? null,
        pgText(p?.text ?? null),
        p?.from ?? null,
        p?.span?.start ?? null,
        p?.span?.end ?? null,
        pgText(article.outlet),
        pgJson(article.citedSources),
        pgJson(article.paragraphs),
        layers !== null,
      );
      if (layers) annotationRows(annotations, id, layers);
      articleIds.push(id);
    });
  }
  return { spans, articles, annotations, articleIds };
}

async function writeBatch(client: pg.PoolClient, records: readonly PageRecord[]): Promise<WriteResult> {
  const pages = new Columns(8);
  for (const { page, pageText } of records) {
    pages.push(
      page.id,
      pgText(page.url),
      pgText(page.fetchedAt),
      page.contentType,
      pgText(page.encoding ?? null),
      pgText(page.body),
      pageText === page.body ? null : pgText(pageText),
      page.decoding ? pgText(JSON.stringify(page.decoding)) : null,
    );
  }
  const inserted = await prepared<{ id: string }>(client, INSERT_PAGES, pages.columns);
  const fresh = new Set(inserted.rows.map((r) => r.id));
  // Already stored, or repeated in this batch: idempotent by content hash, the first occurrence wins.
  const written = records.filter((r) => fresh.delete(r.page.id));
  const { spans, articles, annotations, articleIds } = childRows(written);
  if (!spans.isEmpty) await prepared(client, INSERT_SPANS, spans.columns);
  if (!articles.isEmpty) await prepared(client, INSERT_ARTICLES, articles.columns);
  if (!annotations.isEmpty) await prepared(client, INSERT_ANNOTATIONS, annotations.columns);
  return { newPageIds: written.map((r) => r.page.id), newArticleIds: articleIds };
}

interface PageRow {
  id: string;
  url: string;
  fetched_at: string;
  content_type: ContentType;
  encoding: string | null;
  body: string;
  page_text: string | null;
  decoding: string | null;
  spans: SpanRow[];
  article_ids: string[];
}

/** The page with its spans and article ids in one round trip. */
const SELECT_PAGE = `
  SELECT p.id, p.url, p.fetched_at, p.content_type, p.encoding, p.body, p.page_text, p.decoding,
    (SELECT coalesce(json_agg(json_build_object('article_idx', s.article_idx, 'kind', s.kind, 'reason', s.reason,
        'start_offset', s.start_offset, 'end_offset', s.end_offset) ORDER BY s.seq), '[]')
      FROM spans s WHERE s.page_id = p.id) AS spans,
    ARRAY(SELECT a.id FROM articles a WHERE a.page_id = p.id ORDER BY a.idx) AS article_ids
  FROM pages p WHERE p.id = $1`;

/** PageStore methods over a pool on a migrated schema. */
export function createPageStore(pool: pg.Pool): PageStore {
  return {
    async existingPageIds(ids) {
      const { rows } = await prepared<{ id: string }>(pool, 'SELECT id FROM pages WHERE id = ANY($1::text[])', [ids]);
      return new Set(rows.map((r) => r.id));
    },
    async writePages(records) {
      if (records.length === 0) return { newPageIds: [], newArticleIds: [] };
      try {
        return await withTransaction(pool, (client) => writeBatch(client, records));
      } catch (error) {
        throw new EngineError(
          'store/failed',
          `Writing ${records.length} pages failed, none kept: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
    async getPage(id) {
      const row = (await prepared<PageRow>(pool, SELECT_PAGE, [id])).rows[0];
      if (!row) return null;
      const page: StoredPage = {
        id: row.id,
        url: row.url,
        fetchedAt: row.fetched_at,
        contentType: row.content_type,
        encoding: row.encoding,
        body: row.body,
        pageText: row.page_text ?? row.body,
        spans: row.spans.map(parseSpanRow),
        articleIds: row.article_ids,
        decoding: row.decoding === null ? null : (JSON.parse(row.decoding) as PageDecoding),
      };
      return page;
    },
    async countPages() {
      const { rows } = await prepared<{ n: number }>(pool, 'SELECT count(*)::int AS n FROM pages');
      return rows[0]?.n ?? 0;
    },
  };
}
