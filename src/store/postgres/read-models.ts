/**
 * PostgreSQL ReadModelStore: the event-cluster list from event_cluster_views (migration 0044), the drift check and
 * rebuild of both read models (entity_stats, 0043, too). No data generations: a counter row bumped by concurrent
 * writers (team mode) would serialise them on one row, so answers are not cached on PostgreSQL (`dataGeneration`
 * is null) — the lists are index scans anyway.
 */
import type pg from 'pg';
import { type EventClusterViewSqlRow as ViewRow, type ReadModelStore, toViewRow } from '../read-model-types.ts';
import { prepared } from './prepared.ts';
import { withTransaction } from './transaction.ts';

const NAME_COUNTS_DERIVED = `
  SELECT key AS entity_id, 'type' AS field, data->>'type' AS value, count(*)::int AS count
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, data->>'type'
  UNION ALL
  SELECT key, 'canonical', data->>'canonical', count(*)::int
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, data->>'canonical'`;

// The top name per entity and field, joined (a correlated subquery over the CTE would scan it once per entity).
const STATS_DERIVED = `
  WITH names AS (${NAME_COUNTS_DERIVED}),
  best AS (SELECT entity_id, field, value FROM (SELECT entity_id, field, value,
    row_number() OVER (PARTITION BY entity_id, field ORDER BY count DESC, value COLLATE "C") AS place FROM names) r
    WHERE place = 1),
  counts AS (SELECT key AS entity_id, count(*)::int AS mention_count, count(DISTINCT article_id)::int AS article_count
    FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key)
  SELECT c.entity_id, t.value AS type, n.value AS canonical, c.mention_count, c.article_count
  FROM counts c JOIN best t ON t.entity_id = c.entity_id AND t.field = 'type'
    JOIN best n ON n.entity_id = c.entity_id AND n.field = 'canonical'`;

// Migration 0051's backfill: the written forms of person entities with their article counts.
const PERSON_FORMS_DERIVED = `
  SELECT key AS entity_id, data->>'text' AS text, count(DISTINCT article_id)::int AS articles
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL AND data->>'type' = 'PERS'
  GROUP BY key, data->>'text'`;

function symmetricDifference(columns: string, stored: string, derived: string): string {
  return `SELECT count(*)::int AS n FROM (
    (SELECT ${columns} FROM ${stored} EXCEPT SELECT ${columns} FROM (${derived}) d1)
    UNION ALL
    (SELECT ${columns} FROM (${derived}) d2 EXCEPT SELECT ${columns} FROM ${stored})) x`;
}

const SCOPE = 'SELECT id FROM stories ORDER BY id LIMIT $1';
const LIST_ALL = `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views
  WHERE storyline_id IN (${SCOPE}) ORDER BY storyline_id, position`;
const LIST_PAGE = `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views
  WHERE storyline_id IN (${SCOPE}) AND (storyline_id > $2 OR (storyline_id = $2 AND position > $3))
  ORDER BY storyline_id, position LIMIT $4`;
const BY_CLUSTER = `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views WHERE cluster_id = $1
  ORDER BY storyline_id, position LIMIT 1`;

/** ReadModelStore methods over a pool on a migrated schema. */
export function createReadModelStore(pool: pg.Pool): ReadModelStore {
  const count = async (sql: string): Promise<number> => (await pool.query<{ n: number }>(sql)).rows[0]!.n;
  return {
    async listEventClusterViews(query) {
      const { rows } =
        query.limit === undefined && query.after === undefined
          ? await prepared<ViewRow>(pool, LIST_ALL, [query.storylineLimit])
          : await prepared<ViewRow>(pool, LIST_PAGE, [
              query.storylineLimit,
              query.after?.storylineId ?? '',
              query.after?.position ?? -1,
              query.limit ?? null,
            ]);
      return rows.map(toViewRow);
    },
    async getEventClusterView(clusterId) {
      const row = (await prepared<ViewRow>(pool, BY_CLUSTER, [clusterId])).rows[0];
      return row ? toViewRow(row) : null;
    },
    async dataGeneration() {
      return null;
    },
    async readModelDrift() {
      return {
        entityStats:
          (await count(
            symmetricDifference(
              'entity_id, type, canonical, mention_count, article_count',
              'entity_stats',
              STATS_DERIVED,
            ),
          )) +
          (await count(
            symmetricDifference('entity_id, field, value, count', 'entity_name_counts', NAME_COUNTS_DERIVED),
          )) +
          (await count(symmetricDifference('entity_id, text, articles', 'person_name_forms', PERSON_FORMS_DERIVED))),
        eventClusterViews: await count(
          symmetricDifference(
            'storyline_id, position, cluster_id, view',
            'event_cluster_views',
            'SELECT * FROM event_cluster_views_source',
          ),
        ),
      };
    },
    async rebuildReadModels() {
      await withTransaction(pool, async (client) => {
        await client.query('DELETE FROM entity_name_counts');
        await client.query('DELETE FROM entity_stats');
        await client.query('DELETE FROM person_name_forms');
        await client.query(`INSERT INTO person_name_forms (entity_id, text, articles) ${PERSON_FORMS_DERIVED}`);
        await client.query('DELETE FROM event_cluster_views');
        await client.query(`INSERT INTO entity_name_counts (entity_id, field, value, count) ${NAME_COUNTS_DERIVED}`);
        await client.query(
          `INSERT INTO entity_stats (entity_id, type, canonical, mention_count, article_count) ${STATS_DERIVED}`,
        );
        await client.query(`INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
          SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source`);
      });
    },
  };
}
