/**
 * SQLite EntityStore: entities from the 'entities' annotation rows (key = entityId, data = mention JSON); the list reads
 * the entity_stats read model, one entity aggregates its own rows.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { EntityDetail, EntityMentionRecord, EntityStore, PersonNameFormRecord } from '../entity-types.ts';
import { toEntitySummary, type EntitySummaryRow } from '../rows.ts';

// The canonical name is the most frequent canonical among an entity's mentions (ties: smallest name).
const SUMMARY_SELECT = `
  SELECT key AS entity_id,
    (SELECT json_extract(b.data, '$.type') FROM annotations b WHERE b.layer = 'entities' AND b.key = a.key
      GROUP BY json_extract(b.data, '$.type') ORDER BY count(*) DESC LIMIT 1) AS type,
    (SELECT json_extract(b.data, '$.canonical') FROM annotations b WHERE b.layer = 'entities' AND b.key = a.key
      GROUP BY json_extract(b.data, '$.canonical') ORDER BY count(*) DESC, 1 LIMIT 1) AS canonical,
    count(*) AS mention_count, count(DISTINCT article_id) AS article_count
  FROM annotations a WHERE layer = 'entities' AND key IS NOT NULL`;

/** EntityStore methods over an open, migrated database. */
export function createEntityStore(db: Database): EntityStore {
  const one = db.prepare(`${SUMMARY_SELECT} AND key = ? GROUP BY key`);
  // An entity with the entities listed under it (`joined`): the keys are a JSON array, the entity's own first.
  const KEYS = 'IN (SELECT value FROM json_each(?))';
  const joinedCounts = db.prepare(
    `SELECT count(*) AS mention_count, count(DISTINCT article_id) AS article_count FROM annotations
     WHERE layer = 'entities' AND key ${KEYS}`,
  );
  const variants = db.prepare(
    `SELECT json_extract(data, '$.text') AS text, count(*) AS count FROM annotations
     WHERE layer = 'entities' AND key ${KEYS} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const mentions = db.prepare(
    `SELECT n.article_id AS articleId, a.headline, a.outlet, a.published_date AS published, n.start_offset AS start,
       n.end_offset AS "end", json_extract(n.data, '$.text') AS text
     FROM annotations n JOIN articles a ON a.id = n.article_id
     WHERE n.layer = 'entities' AND n.key ${KEYS}
     ORDER BY a.published_date IS NULL, a.published_date DESC, a.seq, n.seq LIMIT ?`,
  );
  const nameForms = db.prepare(
    `SELECT f.entity_id AS entityId, s.canonical, f.text, f.articles
     FROM person_name_forms f JOIN entity_stats s ON s.entity_id = f.entity_id
     WHERE s.type = 'PERS' ORDER BY f.entity_id, f.text`,
  );

  const articleIds = db
    .prepare(`SELECT DISTINCT article_id FROM annotations WHERE layer = 'entities' AND key = ? ORDER BY article_id`)
    .pluck();

  // The list reads the entity_stats read model (migration 0043): an index scan in list order. Filtered to some
  // articles (a storyline), counts come from those articles' mentions and names from entity_stats.
  const statements = new Map<string, Statement>();
  const cachedStatement = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  return {
    async listEntities(query) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.type !== undefined) {
        where.push('type = ?');
        params.push(query.type);
      }
      if (query.after !== undefined) {
        const { mentionCount, canonical, entityId } = query.after;
        where.push(
          '(mention_count < ? OR (mention_count = ? AND (canonical > ? OR (canonical = ? AND entity_id > ?))))',
        );
        params.push(mentionCount, mentionCount, canonical, canonical, entityId);
      }
      const from =
        query.articleIds === undefined
          ? 'entity_stats'
          : `(SELECT c.entity_id, s.type, s.canonical, c.mention_count, c.article_count
              FROM (SELECT key AS entity_id, count(*) AS mention_count, count(DISTINCT article_id) AS article_count
                FROM annotations WHERE article_id IN (SELECT value FROM json_each(?)) AND layer = 'entities'
                  AND key IS NOT NULL GROUP BY key) c
              JOIN entity_stats s ON s.entity_id = c.entity_id)`;
      if (query.articleIds !== undefined) params.unshift(JSON.stringify(query.articleIds));
      // Aliases fold into their targets: the counts add up, the target's names stay.
      const aliases = query.aliases ?? [];
      const listed =
        aliases.length === 0
          ? from
          : `(SELECT t.entity_id, t.type, t.canonical, f.mention_count, f.article_count
              FROM (SELECT coalesce(al.target, s.entity_id) AS entity_id, sum(s.mention_count) AS mention_count,
                  sum(s.article_count) AS article_count
                FROM ${from} s LEFT JOIN (SELECT json_extract(value, '$[0]') AS source,
                  json_extract(value, '$[1]') AS target FROM json_each(?)) al ON al.source = s.entity_id
                GROUP BY 1) f
              JOIN entity_stats t ON t.entity_id = f.entity_id)`;
      if (aliases.length > 0)
        params.splice(
          query.articleIds === undefined ? 0 : 1,
          0,
          JSON.stringify(aliases.map((a) => [a.entityId, a.targetId])),
        );
      const sql = `SELECT entity_id, type, canonical, mention_count, article_count FROM ${listed}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY mention_count DESC, canonical, entity_id LIMIT ? OFFSET ?`;
      const rows = cachedStatement(sql).all(...params, query.limit, query.offset ?? 0) as EntitySummaryRow[];
      return rows.map(toEntitySummary);
    },
    async getEntity(entityId, mentionLimit, joined = []) {
      const row = one.get(entityId) as EntitySummaryRow | undefined;
      if (!row) return null;
      const keys = JSON.stringify([entityId, ...joined]);
      const counts = joined.length === 0 ? row : (joinedCounts.get(keys) as EntitySummaryRow);
      const detail: EntityDetail = {
        ...toEntitySummary({ ...row, mention_count: counts.mention_count, article_count: counts.article_count }),
        variants: variants.all(keys) as { text: string; count: number }[],
        mentions: mentions.all(keys, mentionLimit) as EntityMentionRecord[],
      };
      return detail;
    },
    async personNameForms() {
      return nameForms.all() as PersonNameFormRecord[];
    },
    async articleIdsForEntity(entityId) {
      return articleIds.all(entityId) as string[];
    },
  };
}
