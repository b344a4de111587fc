/**
 * SQLite PageStore: idempotent batch writes of pages with their articles, spans and annotation rows
 * (one transaction per batch, prepared statements reused), and page reads.
 */
import type { Database } from 'better-sqlite3';
import type { ArticleAnnotations } from '../../core/annotation.ts';
import type { PageSpan } from '../../core/article.ts';
import { EngineError } from '../../core/errors.ts';
import { articleIdFor } from '../../core/ids.ts';
import type { ContentType, PageDecoding } from '../../core/page.ts';
import type { ArticleRecord, PageRecord, PageStore, StoredPage, WriteResult } from '../store.ts';
import { parseSpanRow, type SpanRow } from '../rows.ts';

const LAYERS = ['entities', 'quantities', 'quotes', 'times'] as const;

/** The lookup key stored beside each annotation row (see 0003_create_annotations.sql). */
function annotationKey(layer: (typeof LAYERS)[number], mention: Record<string, unknown>): string | null {
  const key = {
    entities: mention.entityId,
    quantities: mention.unit,
    quotes: mention.speakerEntityId ?? mention.speaker,
    times: mention.value,
  }[layer];
  return typeof key === 'string' ? key : null;
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
}

/** PageStore methods over an open, migrated database. */
export function createPageStore(db: Database): PageStore {
  const hasPage = db.prepare('SELECT 1 FROM pages WHERE id = ?').pluck();
  const insertPage = db.prepare(
    `INSERT INTO pages (id, url, fetched_at, content_type, encoding, body, page_text, decoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, page_id, idx, headline, dek, body, published_date, published_precision, published_text,
       published_from, published_start, published_end, outlet, cited_sources, paragraphs, annotated)
     VALUES (@id, @pageId, @idx, @headline, @dek, @body, @date, @precision, @text, @from, @start, @end, @outlet, @cited, @paragraphs, @annotated)`,
  );
  const insertSpan = db.prepare(
    'INSERT INTO spans (page_id, seq, article_idx, kind, reason, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAnnotation = db.prepare(
    'INSERT INTO annotations (article_id, layer, seq, start_offset, end_offset, key, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectPage = db.prepare(
    'SELECT id, url, fetched_at, content_type, encoding, body, page_text, decoding FROM pages WHERE id = ?',
  );
  const selectSpans = db.prepare(
    'SELECT article_idx, kind, reason, start_offset, end_offset FROM spans WHERE page_id = ? ORDER BY seq',
  );
  const selectArticleIds = db.prepare('SELECT id FROM articles WHERE page_id = ? ORDER BY idx').pluck();
  const countPages = db.prepare('SELECT count(*) FROM pages').pluck();

  function writeAnnotations(articleId: string, annotations: ArticleAnnotations): void {
    for (const layer of LAYERS) {
      annotations[layer].forEach((mention, seq) => {
        const data = mention as unknown as Record<string, unknown>;
        insertAnnotation.run(
          articleId,
          layer,
          seq,
          mention.start,
          mention.end,
          annotationKey(layer, data),
          JSON.stringify(mention),
        );
      });
    }
  }

  function writeArticle(pageId: string, idx: number, record: ArticleRecord): string {
    const { article, annotations } = record;
    const id = articleIdFor(pageId, idx);
    const published = article.published;
    insertArticle.run({
      id,
      pageId,
      idx,
      headline: article.headline,
      dek: article.dek,
      body: article.body,
      date: published?.date ?? null,
      precision: published?.precision ?? null,
      text: published?.text ?? null,
      from: published?.from ?? null,
      start: published?.span?.start ?? null,
      end: published?.span?.end ?? null,
      outlet: article.outlet,
      cited: JSON.stringify(article.citedSources),
      paragraphs: JSON.stringify(article.paragraphs),
      annotated: annotations ? 1 : 0,
    });
    if (annotations) writeAnnotations(id, annotations);
    return id;
  }

  function writeSpans(pageId: string, spans: readonly PageSpan[]): void {
    spans.forEach((span, seq) => {
      insertSpan.run(pageId, seq, span.article ?? null, span.kind, span.reason ?? null, span.start, span.end);
    });
  }

  const writeBatch = db.transaction((records: readonly PageRecord[]): WriteResult => {
    const newPageIds: string[] = [];
    const newArticleIds: string[] = [];
    for (const { page, pageText, spans, articles } of records) {
      const text = pageText === page.body ? null : pageText;
      const inserted = insertPage.run(
        page.id,
        page.url,
        page.fetchedAt,
        page.contentType,
        page.encoding ?? null,
        page.body,
        text,
        page.decoding ? JSON.stringify(page.decoding) : null,
      );
      if (inserted.changes === 0) continue; // already stored (or twice in this batch): idempotent by content hash
      newPageIds.push(page.id);
      writeSpans(page.id, spans);
      articles.forEach((record, idx) => newArticleIds.push(writeArticle(page.id, idx, record)));
    }
    return { newPageIds, newArticleIds };
  });

  return {
    async existingPageIds(ids) {
      return new Set(ids.filter((id) => hasPage.get(id) !== undefined));
    },
    async writePages(records) {
      try {
        return writeBatch.immediate(records);
      } catch (error) {
        throw new EngineError(
          'store/failed',
          `Writing ${records.length} pages failed, none kept: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
    async getPage(id) {
      const row = selectPage.get(id) as PageRow | undefined;
      if (!row) return null;
      const spans = (selectSpans.all(id) as SpanRow[]).map(parseSpanRow);
      const page: StoredPage = {
        id: row.id,
        url: row.url,
        fetchedAt: row.fetched_at,
        contentType: row.content_type,
        encoding: row.encoding,
        body: row.body,
        pageText: row.page_text ?? row.body,
        spans,
        articleIds: selectArticleIds.all(id) as string[],
        decoding: row.decoding === null ? null : (JSON.parse(row.decoding) as PageDecoding),
      };
      return page;
    },
    async countPages() {
      return countPages.get() as number;
    },
  };
}
