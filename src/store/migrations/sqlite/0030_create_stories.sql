-- Stories (issue 4): clustering features per article (computed once at ingest, replayed on each update) and
-- storylines with their detail document (event clusters, duplicates, timeline, claims) as JSON.
CREATE TABLE story_features (
  article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  features TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  article_count INTEGER NOT NULL CHECK (article_count > 0),
  event_count INTEGER NOT NULL CHECK (event_count > 0),
  outlets TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX stories_last_date ON stories (last_date);
