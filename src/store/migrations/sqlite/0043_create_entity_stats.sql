-- Read model of the entity list (issue 16 item 5): one row per linked entity with the figures GET /api/entities
-- shows, so the list is an index scan instead of an aggregate over every mention. Kept current by triggers on
-- annotations (same transaction as the write), backfilled here, rebuilt by `marsad check --repair`.
-- entity_name_counts counts each entity's mention types and canonical names, so the most frequent one (ties: the
-- smallest value) is an index lookup when a mention comes or goes.
CREATE TABLE entity_name_counts (
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('type', 'canonical')),
  value TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (entity_id, field, value)
);
CREATE INDEX entity_name_counts_top ON entity_name_counts (entity_id, field, count DESC, value);

CREATE TABLE entity_stats (
  entity_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  canonical TEXT NOT NULL,
  mention_count INTEGER NOT NULL CHECK (mention_count > 0),
  article_count INTEGER NOT NULL CHECK (article_count > 0)
);
-- The listing orders of EntityStore.listEntities (all types, one type).
CREATE INDEX entity_stats_listing ON entity_stats (mention_count DESC, canonical, entity_id);
CREATE INDEX entity_stats_type_listing ON entity_stats (type, mention_count DESC, canonical, entity_id);

CREATE TRIGGER entity_stats_mention_added AFTER INSERT ON annotations
WHEN NEW.layer = 'entities' AND NEW.key IS NOT NULL
BEGIN
  INSERT INTO entity_name_counts (entity_id, field, value, count)
  VALUES (NEW.key, 'type', json_extract(NEW.data, '$.type'), 1),
    (NEW.key, 'canonical', json_extract(NEW.data, '$.canonical'), 1)
  ON CONFLICT (entity_id, field, value) DO UPDATE SET count = count + 1;
  INSERT INTO entity_stats (entity_id, type, canonical, mention_count, article_count)
  VALUES (NEW.key, '', '', 1, 1)
  ON CONFLICT (entity_id) DO UPDATE SET mention_count = mention_count + 1,
    article_count = article_count + NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = NEW.article_id
      AND o.layer = 'entities' AND o.key = NEW.key AND o.seq <> NEW.seq);
  UPDATE entity_stats SET
    type = (SELECT value FROM entity_name_counts WHERE entity_id = NEW.key AND field = 'type'
      ORDER BY count DESC, value LIMIT 1),
    canonical = (SELECT value FROM entity_name_counts WHERE entity_id = NEW.key AND field = 'canonical'
      ORDER BY count DESC, value LIMIT 1)
  WHERE entity_id = NEW.key;
END;

CREATE TRIGGER entity_stats_mention_removed AFTER DELETE ON annotations
WHEN OLD.layer = 'entities' AND OLD.key IS NOT NULL
BEGIN
  -- Rows whose count would reach 0 go first (the CHECKs keep counts positive), then the rest are decremented.
  DELETE FROM entity_name_counts WHERE entity_id = OLD.key AND count = 1
    AND ((field = 'type' AND value = json_extract(OLD.data, '$.type'))
      OR (field = 'canonical' AND value = json_extract(OLD.data, '$.canonical')));
  UPDATE entity_name_counts SET count = count - 1
  WHERE entity_id = OLD.key AND ((field = 'type' AND value = json_extract(OLD.data, '$.type'))
    OR (field = 'canonical' AND value = json_extract(OLD.data, '$.canonical')));
  DELETE FROM entity_stats WHERE entity_id = OLD.key AND mention_count = 1;
  UPDATE entity_stats SET mention_count = mention_count - 1,
    article_count = article_count - NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = OLD.article_id
      AND o.layer = 'entities' AND o.key = OLD.key)
  WHERE entity_id = OLD.key;
  UPDATE entity_stats SET
    type = (SELECT value FROM entity_name_counts WHERE entity_id = OLD.key AND field = 'type'
      ORDER BY count DESC, value LIMIT 1),
    canonical = (SELECT value FROM entity_name_counts WHERE entity_id = OLD.key AND field = 'canonical'
      ORDER BY count DESC, value LIMIT 1)
  WHERE entity_id = OLD.key;
END;

-- Backfill from the mentions already stored (the same statements `marsad check --repair` runs).
INSERT INTO entity_name_counts (entity_id, field, value, count)
SELECT key, 'type', json_extract(data, '$.type'), count(*) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, json_extract(data, '$.type');
INSERT INTO entity_name_counts (entity_id, field, value, count)
SELECT key, 'canonical', json_extract(data, '$.canonical'), count(*) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key, json_extract(data, '$.canonical');
INSERT INTO entity_stats (entity_id, type, canonical, mention_count, article_count)
SELECT key,
  (SELECT value FROM entity_name_counts n WHERE n.entity_id = a.key AND n.field = 'type' ORDER BY count DESC, value LIMIT 1),
  (SELECT value FROM entity_name_counts n WHERE n.entity_id = a.key AND n.field = 'canonical' ORDER BY count DESC, value LIMIT 1),
  count(*), count(DISTINCT article_id)
FROM annotations a WHERE layer = 'entities' AND key IS NOT NULL GROUP BY key;
