/**
 * SQLite ReadModelStore: the event-cluster list from event_cluster_views (migration 0044), data generations from
 * data_generations (0045), and the drift check and rebuild of both read models (entity_stats, 0043, too). The
 * derivations are the migrations' own: the view event_cluster_views_source and the GROUP BY statements below.
 */
import type { Database } from 'better-sqlite3';
import {
  type DataKind,
  type EventClusterViewSqlRow as ViewRow,
  type ReadModelStore,
  toViewRow,
} from '../read-model-types.ts';

const NAME_COUNTS_DERIVED = `
  SELECT key AS entity_id, 'type' AS field, json_extract(data, '$.type') AS value, count(*) AS count
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, json_extract(data, '$.type')
  UNION ALL
  SELECT key, 'canonical', json_extract(data, '$.canonical'), count(*)
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, json_extract(data, '$.canonical')`;

// The top name per entity and field, joined (not looked up per entity: a correlated subquery over the CTE would scan
// it once per entity).
const STATS_DERIVED = `
  WITH names AS (${NAME_COUNTS_DERIVED}),
  best AS (SELECT entity_id, field, value FROM (SELECT entity_id, field, value,
    row_number() OVER (PARTITION BY entity_id, field ORDER BY count DESC, value) AS place FROM names) WHERE place = 1),
  counts AS (SELECT key AS entity_id, count(*) AS mention_count, count(DISTINCT article_id) AS article_count
    FROM annotations WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key)
  SELECT c.entity_id, t.value AS type, n.value AS canonical, c.mention_count, c.article_count
  FROM counts c JOIN best t ON t.entity_id = c.entity_id AND t.field = 'type'
    JOIN best n ON n.entity_id = c.entity_id AND n.field = 'canonical'`;

// Migration 0051's backfill: the written forms of person entities with their article counts.
const PERSON_FORMS_DERIVED = `
  SELECT key AS entity_id, json_extract(data, '$.text') AS text, count(DISTINCT article_id) AS articles
  FROM annotations WHERE layer = 'entities' AND key IS NOT NULL AND json_extract(data, '$.type') = 'PERS'
  GROUP BY key, json_extract(data, '$.text')`;

/** Rows in one query's answer and not the other's, both ways. */
function symmetricDifference(columns: string, stored: string, derived: string): string {
  return `SELECT count(*) FROM (
    SELECT * FROM (SELECT ${columns} FROM ${stored} EXCEPT SELECT ${columns} FROM (${derived}))
    UNION ALL
    SELECT * FROM (SELECT ${columns} FROM (${derived}) EXCEPT SELECT ${columns} FROM ${stored}))`;
}

/** ReadModelStore methods over an open, migrated database. */
export function createReadModelStore(db: Database): ReadModelStore {
  const storylineScope = 'SELECT id FROM stories ORDER BY id LIMIT ?';
  const listAll = db.prepare(
    `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views
     WHERE storyline_id IN (${storylineScope}) ORDER BY storyline_id, position`,
  );
  const listPage = db.prepare(
    `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views
     WHERE storyline_id IN (${storylineScope}) AND (storyline_id > ? OR (storyline_id = ? AND position > ?))
     ORDER BY storyline_id, position LIMIT ?`,
  );
  const byCluster = db.prepare(
    `SELECT storyline_id, position, cluster_id, view FROM event_cluster_views WHERE cluster_id = ?
     ORDER BY storyline_id, position LIMIT 1`,
  );
  const generations = db.prepare('SELECT name, generation FROM data_generations').raw();
  const entityDrift = db
    .prepare(
      symmetricDifference('entity_id, type, canonical, mention_count, article_count', 'entity_stats', STATS_DERIVED),
    )
    .pluck();
  const nameDrift = db
    .prepare(symmetricDifference('entity_id, field, value, count', 'entity_name_counts', NAME_COUNTS_DERIVED))
    .pluck();
  const formDrift = db
    .prepare(symmetricDifference('entity_id, text, articles', 'person_name_forms', PERSON_FORMS_DERIVED))
    .pluck();
  const clusterDrift = db
    .prepare(
      symmetricDifference(
        'storyline_id, position, cluster_id, view',
        'event_cluster_views',
        'SELECT * FROM event_cluster_views_source',
      ),
    )
    .pluck();
  const rebuild = db.transaction(() => {
    db.exec(
      'DELETE FROM entity_name_counts; DELETE FROM entity_stats; DELETE FROM person_name_forms; DELETE FROM event_cluster_views;',
    );
    db.exec(`INSERT INTO person_name_forms (entity_id, text, articles) ${PERSON_FORMS_DERIVED}`);
    db.exec(`INSERT INTO entity_name_counts (entity_id, field, value, count) ${NAME_COUNTS_DERIVED}`);
    db.exec(`INSERT INTO entity_stats (entity_id, type, canonical, mention_count, article_count) ${STATS_DERIVED}`);
    db.exec(`INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
      SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source`);
  });

  return {
    async listEventClusterViews(query) {
      const rows =
        query.limit === undefined && query.after === undefined
          ? listAll.all(query.storylineLimit)
          : listPage.all(
              query.storylineLimit,
              query.after?.storylineId ?? '',
              query.after?.storylineId ?? '',
              query.after?.position ?? -1,
              query.limit ?? -1,
            );
      return (rows as ViewRow[]).map(toViewRow);
    },
    async getEventClusterView(clusterId) {
      const row = byCluster.get(clusterId) as ViewRow | undefined;
      return row ? toViewRow(row) : null;
    },
    async dataGeneration(kinds: readonly DataKind[]) {
      const all = new Map(generations.all() as [string, number][]);
      return kinds.map((kind) => `${kind[0]}${all.get(kind) ?? 0}`).join('.');
    },
    async readModelDrift() {
      return {
        entityStats: (entityDrift.get() as number) + (nameDrift.get() as number) + (formDrift.get() as number),
        eventClusterViews: clusterDrift.get() as number,
      };
    },
    async rebuildReadModels() {
      rebuild.immediate();
    },
  };
}
