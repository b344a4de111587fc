-- Read model of the event-cluster list (issue 16 item 5): each stored storyline's event clusters as the JSON the API
-- sends (EventClusterView: id, label, storylineId, firstDate, lastDate, articles [{id, outlet, headline,
-- published}]), in the storyline's order, so GET /api/clusters is an index scan that parses nothing. Kept current by
-- a trigger on stories (same transaction as the story write), backfilled here, rebuilt by `marsad check --repair`.
CREATE TABLE event_cluster_views (
  storyline_id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  cluster_id TEXT COLLATE "C" NOT NULL,
  view TEXT NOT NULL,
  PRIMARY KEY (storyline_id, position)
);
CREATE INDEX event_cluster_views_cluster ON event_cluster_views (cluster_id);

CREATE VIEW event_cluster_views_source AS
SELECT s.id AS storyline_id, (c.ordinality - 1)::int AS position, c.value->>'id' AS cluster_id,
  json_build_object(
    'id', c.value->'id',
    'label', c.value->'label',
    'storylineId', s.id,
    'firstDate', c.value->'firstDate',
    'lastDate', c.value->'lastDate',
    'articles', (SELECT coalesce(json_agg(json_build_object(
        'id', a.value->'id', 'outlet', a.value->'outlet', 'headline', a.value->'headline',
        'published', a.value->'published') ORDER BY a.ordinality), '[]'::json)
      FROM jsonb_array_elements(c.value->'articles') WITH ORDINALITY a)
  )::text AS view
FROM stories s, jsonb_array_elements(s.detail::jsonb->'eventClusters') WITH ORDINALITY c;

CREATE FUNCTION event_cluster_views_on_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM event_cluster_views WHERE storyline_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
    SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source WHERE storyline_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER event_cluster_views_stories AFTER INSERT OR UPDATE OR DELETE ON stories
FOR EACH ROW EXECUTE FUNCTION event_cluster_views_on_story();

INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source;
