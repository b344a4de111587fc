-- Read model of the entity list (issue 16 item 5): one row per linked entity with the figures GET /api/entities
-- shows, so the list is an index scan instead of an aggregate over every mention. Kept current by a trigger on
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

CREATE FUNCTION entity_stats_on_mention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.layer <> 'entities' OR NEW.key IS NULL THEN RETURN NULL; END IF;
    INSERT INTO entity_name_counts (entity_id, field, value, count)
    VALUES (NEW.key, 'type', NEW.data->>'type', 1), (NEW.key, 'canonical', NEW.data->>'canonical', 1)
    ON CONFLICT (entity_id, field, value) DO UPDATE SET count = entity_name_counts.count + 1;
    INSERT INTO entity_stats AS s (entity_id, type, canonical, mention_count, article_count)
    VALUES (NEW.key, '', '', 1, 1)
    ON CONFLICT (entity_id) DO UPDATE SET mention_count = s.mention_count + 1,
      article_count = s.article_count + CASE WHEN EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = NEW.article_id
        AND o.layer = 'entities' AND o.key = NEW.key AND o.seq <> NEW.seq) THEN 0 ELSE 1 END;
    PERFORM entity_stats_refresh_names(NEW.key);
  ELSE
    IF OLD.layer <> 'entities' OR OLD.key IS NULL THEN RETURN NULL; END IF;
    -- Rows whose count would reach 0 go first (the CHECKs keep counts positive), then the rest are decremented.
    DELETE FROM entity_name_counts WHERE entity_id = OLD.key AND count = 1
      AND ((field = 'type' AND value = OLD.data->>'type') OR (field = 'canonical' AND value = OLD.data->>'canonical'));
    UPDATE entity_name_counts SET count = count - 1
    WHERE entity_id = OLD.key AND ((field = 'type' AND value = OLD.data->>'type')
      OR (field = 'canonical' AND value = OLD.data->>'canonical'));
    DELETE FROM entity_stats WHERE entity_id = OLD.key AND mention_count = 1;
    UPDATE entity_stats SET mention_count = mention_count - 1,
      article_count = article_count - CASE WHEN EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = OLD.article_id
        AND o.layer = 'entities' AND o.key = OLD.key) THEN 0 ELSE 1 END
    WHERE entity_id = OLD.key;
    PERFORM entity_stats_refresh_names(OLD.key);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER entity_stats_mentions AFTER INSERT OR DELETE ON annotations
FOR EACH ROW EXECUTE FUNCTION entity_stats_on_mention();

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
