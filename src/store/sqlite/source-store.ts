/** SQLite SourceStore (see source-types.ts): each multi-row change in one transaction, statements prepared once. */
import type { Database } from 'better-sqlite3';
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
  type StoredValidators,
} from '../source-types.ts';

const SELECT_SOURCES = `SELECT s.*, ${SOURCE_COUNTS} FROM sources s`;

/** SourceStore methods over an open, migrated database. */
export function createSourceStore(db: Database): SourceStore {
  const byPrefix = db.prepare(
    `${SELECT_SOURCES} WHERE s.id = ? OR s.id LIKE ? ESCAPE '\\' ORDER BY s.id = ? DESC, s.id LIMIT 2`,
  );
  const insertItem = db.prepare(`INSERT INTO source_items (source_id, url, feed_title, feed_published, state, seen_at)
    VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (source_id, url) DO NOTHING`);
  const putValidators =
    db.prepare(`INSERT INTO fetch_validators (url, etag, last_modified, body, fetched_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, body = excluded.body, fetched_at = excluded.fetched_at`);
  const settleDone =
    db.prepare(`UPDATE source_items SET state = 'done', page_id = ?, attempts = attempts + 1, error_code = NULL, error_message = NULL,
    retry_at = NULL, done_at = ? WHERE source_id = ? AND url = ?`);
  const settleFailed =
    db.prepare(`UPDATE source_items SET state = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?,
    retry_at = ?, done_at = ? WHERE source_id = ? AND url = ?`);
  const insertEvent = db.prepare(
    'INSERT INTO source_events (source_id, at, url, code, message) VALUES (?, ?, ?, ?, ?)',
  );
  const trimEvents = db.prepare(`DELETE FROM source_events WHERE source_id = ? AND seq <= (
    SELECT seq FROM source_events WHERE source_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ${MAX_EVENTS_KEPT})`);
  const addEvent = (sourceId: string, event: SourceEvent): void => {
    insertEvent.run(sourceId, event.at, event.url, event.code, event.message);
    trimEvents.run(sourceId, sourceId);
  };
  const getSource = (idOrPrefix: string) => {
    const rows = byPrefix.all(
      idOrPrefix,
      `${idOrPrefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`,
      idOrPrefix,
    ) as SourceRow[];
    const row = rows.find((r) => r.id === idOrPrefix) ?? (rows.length === 1 ? rows[0] : undefined);
    return row ? toSourceSummary(row) : null;
  };
  return {
    async addSource(source) {
      try {
        db.prepare(
          `INSERT INTO sources (id, url, name, kind, endpoints, every_seconds, created_at, next_run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          source.id,
          source.url,
          source.name,
          source.kind,
          JSON.stringify(source.endpoints),
          source.everySeconds,
          source.createdAt,
          source.createdAt,
        );
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
          throw new EngineError('usage/invalid', `${source.url} is already a source.`, { cause: error });
        }
        throw error;
      }
      return getSource(source.id)!;
    },
    async listSources() {
      return (db.prepare(`${SELECT_SOURCES} ORDER BY s.created_at, s.id`).all() as SourceRow[]).map(toSourceSummary);
    },
    async getSource(idOrPrefix) {
      return getSource(idOrPrefix);
    },
    async sourceHealth(id) {
      const summary = getSource(id);
      if (!summary) return null;
      const errors = (
        db
          .prepare('SELECT at, url, code, message FROM source_events WHERE source_id = ? ORDER BY seq DESC LIMIT ?')
          .all(summary.id, MAX_EVENTS_SHOWN) as { at: string; url: string | null; code: string; message: string }[]
      ).map(toSourceEvent);
      const articlesPerDay = db
        .prepare(`SELECT substr(i.done_at, 1, 10) AS day, count(a.id) AS articles FROM source_items i
        JOIN articles a ON a.page_id = i.page_id WHERE i.source_id = ? GROUP BY day ORDER BY day`)
        .all(summary.id) as { day: string; articles: number }[];
      return { ...summary, errors, articlesPerDay };
    },
    async removeSource(id) {
      return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    },
    async setSourceEndpoints(id, change) {
      db.prepare('UPDATE sources SET kind = ?, endpoints = ? WHERE id = ?').run(
        change.kind,
        JSON.stringify(change.endpoints),
        id,
      );
    },
    async recordListing(change) {
      return db.transaction(() => {
        let added = 0;
        for (const link of change.links)
          added += insertItem.run(change.sourceId, link.url, link.title, link.published, change.at).changes;
        if (change.validators)
          putValidators.run(
            change.endpointUrl,
            change.validators.etag,
            change.validators.lastModified,
            change.validators.body,
            change.at,
          );
        return added;
      })();
    },
    async pendingItems(sourceId, query) {
      const rows = db
        .prepare(`SELECT url, feed_title, feed_published, attempts FROM source_items
        WHERE source_id = ? AND (state = 'pending' OR (state = 'failed' AND retry_at IS NOT NULL AND retry_at <= ?))
        ORDER BY seen_at, url LIMIT ?`)
        .all(sourceId, query.now, query.limit) as PendingRow[];
      return rows.map(toPendingItem);
    },
    async settleItems(sourceId, outcomes, at) {
      db.transaction(() => {
        for (const outcome of outcomes) {
          if (outcome.state === 'done') {
            settleDone.run(outcome.pageId, at, sourceId, outcome.url);
          } else {
            settleFailed.run(outcome.code, outcome.message, outcome.retryAt, at, sourceId, outcome.url);
            addEvent(sourceId, { at, url: outcome.url, code: outcome.code, message: outcome.message });
          }
        }
      })();
    },
    async recordSourceEvent(sourceId, event) {
      db.transaction(() => addEvent(sourceId, event))();
    },
    async finishSourceRun(sourceId, run) {
      db.prepare(
        'UPDATE sources SET last_run_at = ?, last_status = ?, last_error = ?, next_run_at = ? WHERE id = ?',
      ).run(run.at, run.status, run.error, run.nextRunAt, sourceId);
    },
    async getValidators(url) {
      const row = db.prepare('SELECT etag, last_modified, body FROM fetch_validators WHERE url = ?').get(url) as
        | { etag: string | null; last_modified: string | null; body: string | null }
        | undefined;
      return row ? { etag: row.etag, lastModified: row.last_modified, body: row.body } : null;
    },
    async putValidators(url, validators: StoredValidators, at) {
      putValidators.run(url, validators.etag, validators.lastModified, validators.body, at);
    },
  };
}
