-- Read model of the entity list (issue 16 item 5): one row per linked entity with the figures GET /api/entities
-- shows, so the list is an index scan instead of an aggregate over every mention. Kept current by triggers on
-- annotations (same transaction as the write), backfilled here, rebuilt by `marsad check --repair`.
-- entity_name_counts counts each entity's mention types and canonical names, so the most frequent one (ties: the
-- smallest value in code-point order) is an index lookup when a mention comes or goes. Same as the SQLite store.
CREATE TABLE entity_name_counts (
  entity_id TEXT COLLATE "C" NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('type', 'canonical')),
  value TEXT COLLATE "C" NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (entity_id, field, value)
);
CREATE INDEX entity_name_counts_top ON entity_name_counts (entity_id, field, count DESC, value);

CREATE TABLE entity_stats (
  entity_id TEXT COLLATE "C" PRIMARY KEY,
  type TEXT NOT NULL,
  canonical TEXT COLLATE "C" NOT NULL,
  mention_count INTEGER NOT NULL CHECK (mention_count > 0),
  article_count INTEGER NOT NULL CHECK (article_count > 0)
);
CREATE INDEX entity_stats_listing ON entity_stats (mention_count DESC, canonical, entity_id);
CREATE INDEX entity_stats_type_listing ON entity_stats (type, mention_count DESC, canonical, entity_id);

CREATE FUNCTION entity_stats_refresh_names(entity TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE entity_stats SET
    type = (SELECT value FROM entity_name_counts WHERE entity_id = entity AND field = 'type'
      ORDER BY count DESC, value LIMIT 1),
    canonical = (SELECT value FROM entity_name_counts WHERE entity_id = entity AND field = 'canonical'
      ORDER BY count DESC, value LIMIT 1)
  WHERE entity_id = entity;
$$;

-- Statement-level triggers with transition tables: PostgreSQL fires row-level AFTER triggers once the whole statement
-- has run (a batch insert is one statement), so per-row "is this the article's first mention" checks would see the
-- batch's other rows. Grouping the statement's rows answers the same questions exactly.
CREATE FUNCTION entity_stats_mentions_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO entity_name_counts (entity_id, field, value, count)
  SELECT key, f.field, f.value, count(*)::int
  FROM new_rows, LATERAL (VALUES ('type', data->>'type'), ('canonical', data->>'canonical')) AS f (field, value)
  WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, f.field, f.value
  ON CONFLICT (entity_id, field, value) DO UPDATE SET count = entity_name_counts.count + excluded.count;
  WITH added AS (
    SELECT key, count(*)::int AS mentions FROM new_rows WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key
  ), pairs AS (
    SELECT DISTINCT article_id, key FROM new_rows WHERE layer = 'entities' AND key IS NOT NULL
  ), fresh AS (
    -- (article, entity) pairs with no mention stored before this statement.
    SELECT p.key, count(*)::int AS articles FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = p.article_id AND o.layer = 'entities'
      AND o.key = p.key AND NOT EXISTS (SELECT 1 FROM new_rows r WHERE r.article_id = o.article_id
        AND r.layer = o.layer AND r.seq = o.seq))
    GROUP BY p.key
  )
  INSERT INTO entity_stats AS s (entity_id, type, canonical, mention_count, article_count)
  SELECT a.key, '', '', a.mentions, coalesce(f.articles, 0) FROM added a LEFT JOIN fresh f ON f.key = a.key
  ON CONFLICT (entity_id) DO UPDATE SET mention_count = s.mention_count + excluded.mention_count,
    article_count = s.article_count + excluded.article_count;
  PERFORM entity_stats_refresh_names(key)
  FROM (SELECT DISTINCT key FROM new_rows WHERE layer = 'entities' AND key IS NOT NULL) k;
  RETURN NULL;
END;
$$;

CREATE FUNCTION entity_stats_mentions_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS entity_name_drops (entity_id TEXT, field TEXT, value TEXT, n INTEGER)
    ON COMMIT DROP;
  DELETE FROM entity_name_drops;
  INSERT INTO entity_name_drops
  SELECT key, f.field, f.value, count(*)::int
  FROM old_rows, LATERAL (VALUES ('type', data->>'type'), ('canonical', data->>'canonical')) AS f (field, value)
  WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, f.field, f.value;
  -- Rows whose count would reach 0 go first (the CHECKs keep counts positive), then the rest are decremented.
  DELETE FROM entity_name_counts c USING entity_name_drops d
  WHERE c.entity_id = d.entity_id AND c.field = d.field AND c.value = d.value AND c.count <= d.n;
  UPDATE entity_name_counts c SET count = c.count - d.n FROM entity_name_drops d
  WHERE c.entity_id = d.entity_id AND c.field = d.field AND c.value = d.value;
  CREATE TEMP TABLE IF NOT EXISTS entity_stat_drops (entity_id TEXT, mentions INTEGER, articles INTEGER)
    ON COMMIT DROP;
  DELETE FROM entity_stat_drops;
  INSERT INTO entity_stat_drops
  SELECT r.key, count(*)::int,
    count(DISTINCT r.article_id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM annotations o
      WHERE o.article_id = r.article_id AND o.layer = 'entities' AND o.key = r.key))::int
  FROM old_rows r WHERE r.layer = 'entities' AND r.key IS NOT NULL GROUP BY r.key;
  DELETE FROM entity_stats s USING entity_stat_drops d WHERE s.entity_id = d.entity_id AND s.mention_count <= d.mentions;
  UPDATE entity_stats s SET mention_count = s.mention_count - d.mentions, article_count = s.article_count - d.articles
  FROM entity_stat_drops d WHERE s.entity_id = d.entity_id;
  PERFORM entity_stats_refresh_names(entity_id) FROM entity_stat_drops;
  RETURN NULL;
END;
$$;

CREATE TRIGGER entity_stats_mentions_added AFTER INSERT ON annotations
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_mentions_added();
CREATE TRIGGER entity_stats_mentions_removed AFTER DELETE ON annotations
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_mentions_removed();

INSERT INTO entity_name_counts (entity_id, field, value, count)
SELECT key, 'type', data->>'type', count(*) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, data->>'type';
INSERT INTO entity_name_counts (entity_id, field, value, count)
SELECT key, 'canonical', data->>'canonical', count(*) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, data->>'canonical';
INSERT INTO entity_stats (entity_id, type, canonical, mention_count, article_count)
SELECT key, '', '', count(*), count(DISTINCT article_id) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key;
SELECT entity_stats_refresh_names(entity_id) FROM entity_stats;
