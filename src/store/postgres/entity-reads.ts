/** PostgreSQL EntityStore: entities aggregated from the 'entities' annotation rows (key = entityId, data = mention JSONB). */
import type pg from 'pg';
import type { EntityType } from '../../core/annotation.ts';
import type {
  EntityDetail,
  EntityListQuery,
  EntityMentionRecord,
  EntityStore,
  PersonNameFormRecord,
} from '../entity-types.ts';
import { toEntitySummary, type EntitySummaryRow } from '../rows.ts';
import { prepared } from './prepared.ts';

/**
 * The most frequent value of a mention field over all of the entity's mentions (not only the filtered ones),
 * ties broken by the smallest value in code-point order: the same choice as the SQLite store.
 */
function mostFrequent(field: 'type' | 'canonical'): string {
  return `(SELECT (b.data->>'${field}') COLLATE "C" FROM annotations b WHERE b.layer = 'entities' AND b.key = c.key
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)`;
}

interface SummarySql {
  readonly text: string;
  readonly values: unknown[];
}

/** Entity summaries: counts over the (filtered) mentions, names over all of them, optional type filter. */
function summarySql(query: {
  readonly key?: string;
  /** Entities listed under `key`: their mentions count as its own (names stay the key's). */
  readonly joined?: readonly string[];
  readonly articleIds?: readonly string[];
  readonly type?: EntityType;
}): SummarySql {
  const values: unknown[] = [];
  const where = ["layer = 'entities'", 'key IS NOT NULL'];
  const joined = query.key !== undefined && (query.joined?.length ?? 0) > 0;
  if (joined) {
    // One row under the key, counted over the key's and its aliases' mentions.
    const keys = `$${values.push([query.key, ...query.joined!])}::text[]`;
    const text = `
      WITH c AS (
        SELECT $${values.push(query.key)}::text AS key, count(*)::int AS mention_count,
          count(DISTINCT article_id)::int AS article_count
        FROM annotations WHERE ${where.join(' AND ')} AND key = ANY(${keys})
      )
      SELECT c.key AS entity_id, ${mostFrequent('type')} AS type, ${mostFrequent('canonical')} AS canonical,
        c.mention_count, c.article_count
      FROM c WHERE c.mention_count > 0 AND EXISTS (SELECT 1 FROM entity_stats s WHERE s.entity_id = c.key)`;
    return { text, values };
  }
  if (query.key !== undefined) where.push(`key = $${values.push(query.key)}`);
  if (query.articleIds !== undefined) where.push(`article_id = ANY($${values.push(query.articleIds)}::text[])`);
  const typeFilter = query.type === undefined ? '' : `WHERE type = $${values.push(query.type)}`;
  const text = `
    WITH counted AS (
      SELECT key, count(*)::int AS mention_count, count(DISTINCT article_id)::int AS article_count
      FROM annotations WHERE ${where.join(' AND ')} GROUP BY key
    ), named AS (
      SELECT c.key AS entity_id, ${mostFrequent('type')} AS type, ${mostFrequent('canonical')} AS canonical,
        c.mention_count, c.article_count
      FROM counted c
    )
    SELECT * FROM named ${typeFilter}`;
  return { text, values };
}

// $1: the entity's key and the keys of the entities listed under it.
const VARIANTS = `
  SELECT (data->>'text') COLLATE "C" AS text, count(*)::int AS count FROM annotations
  WHERE layer = 'entities' AND key = ANY($1::text[]) GROUP BY 1 ORDER BY 2 DESC, 1`;
const MENTIONS = `
  SELECT n.article_id AS "articleId", a.headline, a.outlet, a.published_date AS published, n.start_offset AS start,
    n.end_offset AS "end", n.data->>'text' AS text
  FROM annotations n JOIN articles a ON a.id = n.article_id
  WHERE n.layer = 'entities' AND n.key = ANY($1::text[])
  ORDER BY a.published_date IS NULL, a.published_date DESC, a.seq, n.seq LIMIT $2`;
const NAME_FORMS = `
  SELECT f.entity_id AS "entityId", s.canonical, f.text, f.articles
  FROM person_name_forms f JOIN entity_stats s ON s.entity_id = f.entity_id
  WHERE s.type = 'PERS' ORDER BY f.entity_id, f.text`;

/** EntityStore methods over a pool on a migrated schema. */
export function createEntityStore(pool: pg.Pool): EntityStore {
  return {
    async listEntities(query: EntityListQuery) {
      // The entity_stats read model (migration 0043) in list order; filtered to some articles (a storyline), counts
      // come from those articles' mentions and names from entity_stats.
      const values: unknown[] = [];
      const from =
        query.articleIds === undefined
          ? 'entity_stats'
          : `(SELECT c.entity_id, s.type, s.canonical, c.mention_count, c.article_count
              FROM (SELECT key AS entity_id, count(*)::int AS mention_count, count(DISTINCT article_id)::int AS article_count
                FROM annotations WHERE article_id = ANY($${values.push(query.articleIds)}::text[]) AND layer = 'entities'
                  AND key IS NOT NULL GROUP BY key) c
              JOIN entity_stats s ON s.entity_id = c.entity_id)`;
      // Aliases fold into their targets: the counts add up, the target's names stay.
      const aliases = query.aliases ?? [];
      const listed =
        aliases.length === 0
          ? from
          : `(SELECT t.entity_id, t.type, t.canonical, f.mention_count, f.article_count
              FROM (SELECT coalesce(al.target, s.entity_id) AS entity_id, sum(s.mention_count)::int AS mention_count,
                  sum(s.article_count)::int AS article_count
                FROM ${from} s
                LEFT JOIN unnest($${values.push(aliases.map((a) => a.entityId))}::text[],
                  $${values.push(aliases.map((a) => a.targetId))}::text[]) AS al(source, target) ON al.source = s.entity_id
                GROUP BY 1) f
              JOIN entity_stats t ON t.entity_id = f.entity_id)`;
      const where: string[] = [];
      if (query.type !== undefined) where.push(`type = $${values.push(query.type)}`);
      if (query.after !== undefined) {
        const count = `$${values.push(query.after.mentionCount)}`;
        const name = `$${values.push(query.after.canonical)}`;
        const id = `$${values.push(query.after.entityId)}`;
        where.push(
          `(mention_count < ${count} OR (mention_count = ${count} AND (canonical COLLATE "C" > ${name} OR (canonical COLLATE "C" = ${name} AND entity_id COLLATE "C" > ${id}))))`,
        );
      }
      const limit = values.push(query.limit);
      const offset = values.push(query.offset ?? 0);
      const sql = `SELECT entity_id, type, canonical, mention_count, article_count FROM ${listed} l
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY mention_count DESC, canonical COLLATE "C", entity_id COLLATE "C" LIMIT $${limit} OFFSET $${offset}`;
      const { rows } = await prepared<EntitySummaryRow>(pool, sql, values);
      return rows.map(toEntitySummary);
    },
    async getEntity(entityId, mentionLimit, joined = []) {
      const { text, values } = summarySql({ key: entityId, joined });
      const row = (await prepared<EntitySummaryRow>(pool, text, values)).rows[0];
      if (!row) return null;
      const keys = [entityId, ...joined];
      const variants = await prepared<{ text: string; count: number }>(pool, VARIANTS, [keys]);
      const mentions = await prepared<EntityMentionRecord>(pool, MENTIONS, [keys, mentionLimit]);
      const detail: EntityDetail = { ...toEntitySummary(row), variants: variants.rows, mentions: mentions.rows };
      return detail;
    },
    async personNameForms() {
      return (await prepared<PersonNameFormRecord>(pool, NAME_FORMS, [])).rows;
    },
    async articleIdsForEntity(entityId) {
      const { rows } = await prepared<{ article_id: string }>(
        pool,
        "SELECT DISTINCT article_id FROM annotations WHERE layer = 'entities' AND key = $1 ORDER BY article_id",
        [entityId],
      );
      return rows.map((r) => r.article_id);
    },
  };
}
