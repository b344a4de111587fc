/** PostgreSQL SourceStore (see source-types.ts): same behaviour as the SQLite one; multi-row changes in one transaction. */
import type pg from 'pg';
import { EngineError } from '../../core/errors.ts';
import {
  SOURCE_COUNTS,
  toPendingItem,
  toSourceEvent,
  toSourceSummary,
  type PendingRow,
  type SourceRow,
} from '../source-rows.ts';
import {
  MAX_EVENTS_KEPT,
  MAX_EVENTS_SHOWN,
  type SourceEvent,
  type SourceStore,
  type SourceSummary,
} from '../source-types.ts';
import { pgText } from './pg-text.ts';
import { prepared } from './prepared.ts';
import { withTransaction } from './transaction.ts';

const SELECT_SOURCES = `SELECT s.*, ${SOURCE_COUNTS} FROM sources s`;
const GET_SOURCE = `${SELECT_SOURCES} WHERE starts_with(s.id, $1) ORDER BY s.id = $1 DESC, s.id LIMIT 2`;
const INSERT_ITEMS = `INSERT INTO source_items (source_id, url, feed_title, feed_published, state, seen_at)
  SELECT $1, u.url, u.title, u.published, 'pending', $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS u (url, title, published)
  ORDER BY u.url ON CONFLICT (source_id, url) DO NOTHING`;
const PUT_VALIDATORS = `INSERT INTO fetch_validators (url, etag, last_modified, body, fetched_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, body = excluded.body, fetched_at = excluded.fetched_at`;
const SETTLE_DONE = `UPDATE source_items SET state = 'done', page_id = $1, attempts = attempts + 1, error_code = NULL, error_message = NULL,
  retry_at = NULL, done_at = $2 WHERE source_id = $3 AND url = $4`;
const SETTLE_FAILED = `UPDATE source_items SET state = 'failed', attempts = attempts + 1, error_code = $1, error_message = $2,
  retry_at = $3, done_at = $4 WHERE source_id = $5 AND url = $6`;
const INSERT_EVENT = 'INSERT INTO source_events (source_id, at, url, code, message) VALUES ($1, $2, $3, $4, $5)';
const TRIM_EVENTS = `DELETE FROM source_events WHERE source_id = $1 AND seq <= (
  SELECT seq FROM source_events WHERE source_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET ${MAX_EVENTS_KEPT})`;

async function addEvent(client: pg.PoolClient, sourceId: string, event: SourceEvent): Promise<void> {
  await prepared(client, INSERT_EVENT, [sourceId, event.at, event.url, pgText(event.code), pgText(event.message)]);
  await prepared(client, TRIM_EVENTS, [sourceId]);
}

/** SourceStore methods over a pool on a migrated schema. */
export function createSourceStore(pool: pg.Pool): SourceStore {
  const getSource = async (idOrPrefix: string): Promise<SourceSummary | null> => {
    const rows = (await prepared<SourceRow>(pool, GET_SOURCE, [idOrPrefix])).rows;
    const row = rows.find((r) => r.id === idOrPrefix) ?? (rows.length === 1 ? rows[0] : undefined);
    return row ? toSourceSummary(row) : null;
  };
  return {
    async addSource(source) {
      try {
        await prepared(
          pool,
          'INSERT INTO sources (id, url, name, kind, endpoints, every_seconds, created_at, next_run_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
          [
            source.id,
            source.url,
            source.name === null ? null : pgText(source.name),
            source.kind,
            JSON.stringify(source.endpoints),
            source.everySeconds,
            source.createdAt,
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw new EngineError('usage/invalid', `${source.url} is already a source.`, { cause: error });
        throw error;
      }
      return (await getSource(source.id))!;
    },
    async listSources() {
      return (await prepared<SourceRow>(pool, `${SELECT_SOURCES} ORDER BY s.created_at, s.id`)).rows.map(
        toSourceSummary,
      );
    },
    getSource,
    async sourceHealth(id) {
      const summary = await getSource(id);
      if (!summary) return null;
      const errors = (
        await prepared<{ at: string; url: string | null; code: string; message: string }>(
          pool,
          'SELECT at, url, code, message FROM source_events WHERE source_id = $1 ORDER BY seq DESC LIMIT $2',
          [summary.id, MAX_EVENTS_SHOWN],
        )
      ).rows.map(toSourceEvent);
      const articlesPerDay = (
        await prepared<{ day: string; articles: number }>(
          pool,
          `SELECT substr(i.done_at, 1, 10) AS day, count(a.id)::int AS articles
        FROM source_items i JOIN articles a ON a.page_id = i.page_id WHERE i.source_id = $1 GROUP BY day ORDER BY day`,
          [summary.id],
        )
      ).rows;
      return { ...summary, errors, articlesPerDay };
    },
    async removeSource(id) {
      return ((await prepared(pool, 'DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async setSourceEndpoints(id, change) {
      await prepared(pool, 'UPDATE sources SET kind = $1, endpoints = $2 WHERE id = $3', [
        change.kind,
        JSON.stringify(change.endpoints),
        id,
      ]);
    },
    async recordListing(change) {
      return withTransaction(pool, async (client) => {
        const links = [...new Map(change.links.map((link) => [link.url, link])).values()];
        const inserted =
          links.length === 0
            ? 0
            : ((
                await prepared(client, INSERT_ITEMS, [
                  change.sourceId,
                  links.map((l) => l.url),
                  links.map((l) => (l.title === null ? null : pgText(l.title))),
                  links.map((l) => l.published),
                  change.at,
                ])
              ).rowCount ?? 0);
        const v = change.validators;
        if (v)
          await prepared(client, PUT_VALIDATORS, [
            change.endpointUrl,
            v.etag,
            v.lastModified,
            v.body === null ? null : pgText(v.body),
            change.at,
          ]);
        return inserted;
      });
    },
    async pendingItems(sourceId, query) {
      const rows = (
        await prepared<PendingRow>(
          pool,
          `SELECT url, feed_title, feed_published, attempts FROM source_items
        WHERE source_id = $1 AND (state = 'pending' OR (state = 'failed' AND retry_at IS NOT NULL AND retry_at <= $2))
        ORDER BY seen_at, url LIMIT $3`,
          [sourceId, query.now, query.limit],
        )
      ).rows;
      return rows.map(toPendingItem);
    },
    async settleItems(sourceId, outcomes, at) {
      if (outcomes.length === 0) return;
      await withTransaction(pool, async (client) => {
        for (const outcome of outcomes) {
          if (outcome.state === 'done') {
            await prepared(client, SETTLE_DONE, [outcome.pageId, at, sourceId, outcome.url]);
          } else {
            await prepared(client, SETTLE_FAILED, [
              outcome.code,
              pgText(outcome.message),
              outcome.retryAt,
              at,
              sourceId,
              outcome.url,
            ]);
            await addEvent(client, sourceId, { at, url: outcome.url, code: outcome.code, message: outcome.message });
          }
        }
      });
    },
    async recordSourceEvent(sourceId, event) {
      await withTransaction(pool, (client) => addEvent(client, sourceId, event));
    },
    async finishSourceRun(sourceId, run) {
      await prepared(
        pool,
        'UPDATE sources SET last_run_at = $1, last_status = $2, last_error = $3, next_run_at = $4 WHERE id = $5',
        [run.at, run.status, run.error === null ? null : pgText(run.error), run.nextRunAt, sourceId],
      );
    },
    async getValidators(url) {
      const row = (
        await prepared<{ etag: string | null; last_modified: string | null; body: string | null }>(
          pool,
          'SELECT etag, last_modified, body FROM fetch_validators WHERE url = $1',
          [url],
        )
      ).rows[0];
      return row ? { etag: row.etag, lastModified: row.last_modified, body: row.body } : null;
    },
    async putValidators(url, validators, at) {
      await prepared(pool, PUT_VALIDATORS, [
        url,
        validators.etag,
        validators.lastModified,
        validators.body === null ? null : pgText(validators.body),
        at,
      ]);
    },
  };
}
