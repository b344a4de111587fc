-- Read model of the person short-form join (issue 15 item 5): every written form of every person entity with the
-- number of articles that wrote it so. The entity list joins a bare short form («مبارك») to the one full name the
-- articles link it to (corpus/entities/short-forms.ts); reading these rows is a scan of a small table instead of an
-- aggregate over every mention. Kept current by statement-level triggers on annotations (as entity_stats, 0043),
-- backfilled here, rebuilt by `marsad check --repair`. A mention counts when its own type is PERS.
CREATE TABLE person_name_forms (
  entity_id TEXT COLLATE "C" NOT NULL,
  text TEXT COLLATE "C" NOT NULL,
  articles INTEGER NOT NULL CHECK (articles > 0),
  PRIMARY KEY (entity_id, text)
);

CREATE FUNCTION person_name_forms_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH pairs AS (
    SELECT DISTINCT article_id, key, data->>'text' AS text FROM new_rows
    WHERE layer = 'entities' AND key IS NOT NULL AND data->>'type' = 'PERS'
  ), fresh AS (
    -- (article, entity, form) triples with no mention stored before this statement.
    SELECT p.key, p.text, count(*)::int AS articles FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = p.article_id AND o.layer = 'entities'
      AND o.key = p.key AND o.data->>'type' = 'PERS' AND o.data->>'text' = p.text
      AND NOT EXISTS (SELECT 1 FROM new_rows r WHERE r.article_id = o.article_id AND r.layer = o.layer
        AND r.seq = o.seq))
    GROUP BY p.key, p.text
  )
  INSERT INTO person_name_forms AS f (entity_id, text, articles)
  SELECT key, text, articles FROM fresh
  ON CONFLICT (entity_id, text) DO UPDATE SET articles = f.articles + excluded.articles;
  RETURN NULL;
END;
$$;

CREATE FUNCTION person_name_forms_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS person_name_form_drops (entity_id TEXT, text TEXT, articles INTEGER)
    ON COMMIT DROP;
  DELETE FROM person_name_form_drops;
  -- (article, entity, form) triples left with no mention after this statement.
  INSERT INTO person_name_form_drops
  SELECT key, text, count(*)::int FROM (
    SELECT DISTINCT r.article_id, r.key, r.data->>'text' AS text FROM old_rows r
    WHERE r.layer = 'entities' AND r.key IS NOT NULL AND r.data->>'type' = 'PERS'
      AND NOT EXISTS (SELECT 1 FROM annotations o WHERE o.article_id = r.article_id AND o.layer = 'entities'
        AND o.key = r.key AND o.data->>'type' = 'PERS' AND o.data->>'text' = r.data->>'text')
  ) gone GROUP BY key, text;
  DELETE FROM person_name_forms f USING person_name_form_drops d
  WHERE f.entity_id = d.entity_id AND f.text = d.text AND f.articles <= d.articles;
  UPDATE person_name_forms f SET articles = f.articles - d.articles FROM person_name_form_drops d
  WHERE f.entity_id = d.entity_id AND f.text = d.text;
  RETURN NULL;
END;
$$;

CREATE TRIGGER person_name_forms_added AFTER INSERT ON annotations
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_forms_added();
CREATE TRIGGER person_name_forms_removed AFTER DELETE ON annotations
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_forms_removed();

INSERT INTO person_name_forms (entity_id, text, articles)
SELECT key, data->>'text', count(DISTINCT article_id) FROM annotations
WHERE layer = 'entities' AND key IS NOT NULL AND data->>'type' = 'PERS'
GROUP BY key, data->>'text';
