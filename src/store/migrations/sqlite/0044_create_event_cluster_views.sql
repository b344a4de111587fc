-- Read model of the event-cluster list (issue 16 item 5): each stored storyline's event clusters as the JSON the API
-- sends (EventClusterView: id, label, storylineId, firstDate, lastDate, articles [{id, outlet, headline,
-- published}]), in the storyline's order, so GET /api/clusters is an index scan that parses nothing. Kept current by
-- triggers on stories (same transaction as the story write), backfilled here, rebuilt by `marsad check --repair`.
CREATE TABLE event_cluster_views (
  storyline_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  cluster_id TEXT NOT NULL,
  view TEXT NOT NULL,
  PRIMARY KEY (storyline_id, position)
);
CREATE INDEX event_cluster_views_cluster ON event_cluster_views (cluster_id);

CREATE VIEW event_cluster_views_source AS
SELECT s.id AS storyline_id, CAST(c.key AS INTEGER) AS position, json_extract(c.value, '$.id') AS cluster_id,
  json_object(
    'id', json_extract(c.value, '$.id'),
    'label', json_extract(c.value, '$.label'),
    'storylineId', s.id,
    'firstDate', json_extract(c.value, '$.firstDate'),
    'lastDate', json_extract(c.value, '$.lastDate'),
    'articles', (SELECT json_group_array(json_object(
        'id', json_extract(a.value, '$.id'),
        'outlet', json_extract(a.value, '$.outlet'),
        'headline', json_extract(a.value, '$.headline'),
        'published', json_extract(a.value, '$.published')) ORDER BY CAST(a.key AS INTEGER))
      FROM json_each(c.value, '$.articles') a)
  ) AS view
FROM stories s, json_each(s.detail, '$.eventClusters') c;

CREATE TRIGGER event_cluster_views_story_added AFTER INSERT ON stories
BEGIN
  INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
  SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source WHERE storyline_id = NEW.id;
END;

CREATE TRIGGER event_cluster_views_story_changed AFTER UPDATE OF id, detail ON stories
BEGIN
  DELETE FROM event_cluster_views WHERE storyline_id = OLD.id;
  INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
  SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source WHERE storyline_id = NEW.id;
END;

CREATE TRIGGER event_cluster_views_story_removed AFTER DELETE ON stories
BEGIN
  DELETE FROM event_cluster_views WHERE storyline_id = OLD.id;
END;

INSERT INTO event_cluster_views (storyline_id, position, cluster_id, view)
SELECT storyline_id, position, cluster_id, view FROM event_cluster_views_source;
