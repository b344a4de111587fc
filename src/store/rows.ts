/** Row → domain mappers shared by the SQL stores; JSON columns are validated with zod on the way out. */
import { z } from 'zod';
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { PageSpan, PageSpanKind, PublishedDate, SpanReason } from '../core/article.ts';
import { EngineError } from '../core/errors.ts';
import type { ArticleSummary } from './store.ts';
import type { EntitySummary } from './entity-types.ts';
import type { StorySummary } from './story-types.ts';
import type { EntityType } from '../core/annotation.ts';

export interface SpanRow {
  article_idx: number | null;
  kind: string;
  reason: string | null;
  start_offset: number;
  end_offset: number;
}

export interface PublishedColumns {
  published_date: string | null;
  published_precision: string | null;
  published_text: string | null;
  published_from: string | null;
  published_start: number | null;
  published_end: number | null;
}

export interface AnnotationRow {
  layer: 'entities' | 'quantities' | 'quotes' | 'times';
  data: unknown;
}

const SPAN = z.object({ start: z.number().int(), end: z.number().int() });
const CITED_SOURCES = z.array(z.string());
const PARAGRAPHS = z.array(z.object({ page: SPAN, body: SPAN }));
/** Mentions keep every field they were written with; only the span fields are checked. */
const MENTION = z.looseObject({ text: z.string(), start: z.number().int(), end: z.number().int() });

/**
 * Parses a JSON column (a string from SQLite, or the value Postgres already decoded from jsonb), naming the
 * column when the stored value is not what it should be.
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, value: unknown, column: string): T {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw new EngineError('store/failed', `Column ${column} holds invalid JSON.`, { cause: error });
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new EngineError('store/failed', `Column ${column} holds an unexpected value.`, { cause: parsed.error });
  return parsed.data;
}

export function parseSpanRow(row: SpanRow): PageSpan {
  return {
    kind: row.kind as PageSpanKind,
    start: row.start_offset,
    end: row.end_offset,
    ...(row.reason === null ? {} : { reason: row.reason as SpanReason }),
    ...(row.article_idx === null ? {} : { article: row.article_idx }),
  };
}

export function parsePublished(row: PublishedColumns): PublishedDate | null {
  if (row.published_date === null || row.published_precision === null) return null;
  const span =
    row.published_start !== null && row.published_end !== null
      ? { start: row.published_start, end: row.published_end }
      : undefined;
  return {
    date: row.published_date,
    precision: row.published_precision as PublishedDate['precision'],
    text: row.published_text ?? '',
    ...(span ? { span } : {}),
    ...(row.published_from === null ? {} : { from: row.published_from as NonNullable<PublishedDate['from']> }),
  };
}

export function parseCitedSources(value: unknown): readonly string[] {
  return parseJsonColumn(CITED_SOURCES, value, 'articles.cited_sources');
}

export function parseParagraphs(value: unknown): z.infer<typeof PARAGRAPHS> {
  return parseJsonColumn(PARAGRAPHS, value, 'articles.paragraphs');
}

/** Groups annotation rows (in layer, seq order) back into the four layers. */
export function parseAnnotations(rows: readonly AnnotationRow[]): ArticleAnnotations {
  const layers = {
    entities: [] as unknown[],
    quantities: [] as unknown[],
    quotes: [] as unknown[],
    times: [] as unknown[],
  };
  for (const row of rows) layers[row.layer].push(parseJsonColumn(MENTION, row.data, `annotations.data (${row.layer})`));
  return layers as unknown as ArticleAnnotations;
}

/** One row of the article listing, the same in both dialects (only their length function differs). */
export interface SummaryRow {
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

/** Newest first; undated last; then ingest order, so the listing is stable (matches the articles_listing index). */
export const ARTICLE_LIST_ORDER = 'ORDER BY a.published_date IS NULL, a.published_date DESC, a.seq';

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    pageId: row.page_id,
    index: row.idx,
    headline: row.headline,
    outlet: row.outlet,
    url: row.url,
    published:
      row.published_date && row.published_precision
        ? { date: row.published_date, precision: row.published_precision }
        : null,
    bodyChars: row.body_chars,
  };
}

/** One row of the stories table, the same in both dialects; `outlets` is a JSON array of names. */
export interface StoryRow {
  id: string;
  label: string;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
  event_count: number;
  outlets: string;
  detail?: string;
}

const OUTLETS = z.array(z.string());

export function toStorySummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    label: row.label,
    firstDate: row.first_date,
    lastDate: row.last_date,
    articleCount: row.article_count,
    eventCount: row.event_count,
    outlets: parseJsonColumn(OUTLETS, row.outlets, 'stories.outlets'),
  };
}

/** One aggregated entity row (from the 'entities' annotation rows), the same in both dialects. */
export interface EntitySummaryRow {
  entity_id: string;
  type: EntityType;
  canonical: string;
  mention_count: number;
  article_count: number;
}

export function toEntitySummary(row: EntitySummaryRow): EntitySummary {
  return {
    entityId: row.entity_id,
    type: row.type,
    canonical: row.canonical,
    mentionCount: row.mention_count,
    articleCount: row.article_count,
  };
}
