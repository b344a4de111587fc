/** Row → domain mappers for the sources tables, shared by the SQLite and PostgreSQL stores (see source-types.ts). */
import { z } from 'zod';
import { EngineError } from '../core/errors.ts';
import type { PendingItem, RunStatus, SourceEvent, SourceKind, SourceSummary } from './source-types.ts';

export interface SourceRow {
  id: string;
  url: string;
  name: string | null;
  kind: string;
  endpoints: string;
  every_seconds: number;
  created_at: string;
  next_run_at: string;
  last_run_at: string | null;
  last_status: string | null;
  last_error: string | null;
  items_seen: number | string;
  items_pending: number | string;
  items_failed: number | string;
  articles_stored: number | string;
}

/** The per-source counts appended to `SELECT s.*`; `?`-free so both dialects use it as is. */
export const SOURCE_COUNTS = `
  (SELECT count(*) FROM source_items i WHERE i.source_id = s.id) AS items_seen,
  (SELECT count(*) FROM source_items i WHERE i.source_id = s.id AND i.state = 'pending') AS items_pending,
  (SELECT count(*) FROM source_items i WHERE i.source_id = s.id AND i.state = 'failed') AS items_failed,
  (SELECT count(*) FROM source_items i JOIN articles a ON a.page_id = i.page_id WHERE i.source_id = s.id) AS articles_stored`;

const ENDPOINTS = z.array(z.object({ url: z.string(), kind: z.enum(['feed', 'sitemap']) }));

export function toSourceSummary(row: SourceRow): SourceSummary {
  const endpoints = ENDPOINTS.safeParse(JSON.parse(row.endpoints));
  if (!endpoints.success) throw new EngineError('store/failed', `Source ${row.id}: bad endpoints column.`);
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind as SourceKind,
    endpoints: endpoints.data,
    everySeconds: row.every_seconds,
    createdAt: row.created_at,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastStatus: row.last_status as RunStatus | null,
    lastError: row.last_error,
    itemsSeen: Number(row.items_seen),
    itemsPending: Number(row.items_pending),
    itemsFailed: Number(row.items_failed),
    articlesStored: Number(row.articles_stored),
  };
}

export interface PendingRow {
  url: string;
  feed_title: string | null;
  feed_published: string | null;
  attempts: number;
}

export function toPendingItem(row: PendingRow): PendingItem {
  return { url: row.url, feedTitle: row.feed_title, feedPublished: row.feed_published, attempts: row.attempts };
}

export function toSourceEvent(row: { at: string; url: string | null; code: string; message: string }): SourceEvent {
  return { at: row.at, url: row.url, code: row.code, message: row.message };
}
