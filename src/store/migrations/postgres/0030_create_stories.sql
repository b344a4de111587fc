-- Stories (issue 4): clustering features per article (computed once at ingest, replayed on each update) and
-- storylines with their detail document (event clusters, duplicates, timeline, claims) as JSON.
-- The JSON stays TEXT, not JSONB: the port hands back the exact document that was written.
-- Ids and dates use the "C" collation so orderings and prefixes match the SQLite store byte for byte.
CREATE TABLE story_features (
  article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  features TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT COLLATE "C" PRIMARY KEY,
  label TEXT NOT NULL,
  first_date TEXT COLLATE "C",
  last_date TEXT COLLATE "C",
  article_count INTEGER NOT NULL CHECK (article_count > 0),
  event_count INTEGER NOT NULL CHECK (event_count > 0),
  outlets TEXT NOT NULL,
  detail TEXT NOT NULL
);
-- The listing order of StoryStore.listStories.
CREATE INDEX stories_listing ON stories ((last_date IS NULL), last_date DESC, article_count DESC, id);
