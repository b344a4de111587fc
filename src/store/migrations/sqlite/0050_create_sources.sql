-- Sources (issue 17): the outlets `marsad watch` follows, the links their feeds and sitemaps listed (a queue that
-- survives a crash), errors with their times, and the validators of conditional GETs.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  name TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'site')),
  -- JSON [{url, kind: 'feed' | 'sitemap'}]: what a round fetches; [] until discovered.
  endpoints TEXT NOT NULL DEFAULT '[]',
  every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
  created_at TEXT NOT NULL,
  next_run_at TEXT NOT NULL,
  last_run_at TEXT,
  last_status TEXT CHECK (last_status IN ('ok', 'partial', 'failed')),
  last_error TEXT
);

CREATE TABLE source_items (
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  -- Canonical URL (tracking parameters and fragment removed).
  url TEXT NOT NULL,
  feed_title TEXT,
  feed_published TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  -- The stored page (new or already there) once done; not a foreign key: the page may be deleted independently.
  page_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  -- When a failed item is tried again; NULL for done items and permanent failures.
  retry_at TEXT,
  seen_at TEXT NOT NULL,
  done_at TEXT,
  PRIMARY KEY (source_id, url)
);
CREATE INDEX source_items_queue ON source_items (source_id, state, retry_at);
CREATE INDEX source_items_page ON source_items (page_id);

CREATE TABLE source_events (
  seq INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  url TEXT,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX source_events_source ON source_events (source_id, seq);

-- Conditional GET state per URL (feeds, sitemaps, robots.txt); body only for robots.txt.
CREATE TABLE fetch_validators (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  body TEXT,
  fetched_at TEXT NOT NULL
);
