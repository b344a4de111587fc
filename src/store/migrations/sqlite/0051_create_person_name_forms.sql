-- Read model of the person short-form join (issue 15 item 5): every written form of every person entity with the
-- number of articles that wrote it so. The entity list joins a bare short form («مبارك») to the one full name the
-- articles link it to (corpus/entities/short-forms.ts); reading these rows is a scan of a small table instead of an
-- aggregate over every mention. Kept current by triggers on annotations (same transaction as the write), backfilled
-- here, rebuilt by `marsad check --repair`. A mention counts when its own type is PERS.
CREATE TABLE person_name_forms (
  entity_id TEXT NOT NULL,
  text TEXT NOT NULL,
  articles INTEGER NOT NULL CHECK (articles > 0),
  PRIMARY KEY (entity_id, text)
);

CREATE TRIGGER person_name_forms_added AFTER INSERT ON annotations
WHEN NEW.layer = 'entities' AND NEW.key IS NOT NULL AND json_extract(NEW.data, '$.type') = 'PERS'
  AND NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = NEW.article_id AND o.layer = 'entities'
    AND o.key = NEW.key AND o.seq <> NEW.seq AND json_extract(o.data, '$.type') = 'PERS'
    AND json_extract(o.data, '$.text') = json_extract(NEW.data, '$.text'))
BEGIN
  INSERT INTO person_name_forms (entity_id, text, articles) VALUES (NEW.key, json_extract(NEW.data, '$.text'), 1)
  ON CONFLICT (entity_id, text) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER person_name_forms_removed AFTER DELETE ON annotations
WHEN OLD.layer = 'entities' AND OLD.key IS NOT NULL AND json_extract(OLD.data, '$.type') = 'PERS'
  AND NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = OLD.article_id AND o.layer = 'entities'
    AND o.key = OLD.key AND json_extract(o.data, '$.type') = 'PERS'
    AND json_extract(o.data, '$.text') = json_extract(OLD.data, '$.text'))
BEGIN
  -- A row whose count would reach 0 goes (the CHECK keeps counts positive); otherwise it is decremented.
  DELETE FROM person_name_forms WHERE entity_id = OLD.key AND text = json_extract(OLD.data, '$.text') AND articles = 1;
  UPDATE person_name_forms SET articles = articles - 1
  WHERE entity_id = OLD.key AND text = json_extract(OLD.data, '$.text');
END;

-- Backfill (the statement `marsad check --repair` runs).
INSERT INTO person_name_forms (entity_id, text, articles)
SELECT key, json_extract(data, '$.text'), count(DISTINCT article_id) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL AND json_extract(data, '$.type') = 'PERS'
GROUP BY key, json_extract(data, '$.text');
