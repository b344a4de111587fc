-- Sources (issue 17): the outlets `marsad watch` follows, the links their feeds and sitemaps listed (a queue that
-- survives a crash), errors with their times, and the validators of conditional GETs.
-- Ids, URLs and times use the "C" collation so orderings match the SQLite store byte for byte.
CREATE TABLE sources (
  id TEXT COLLATE "C" PRIMARY KEY,
  url TEXT COLLATE "C" NOT NULL UNIQUE,
  name TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'site')),
  endpoints TEXT NOT NULL DEFAULT '[]',
  every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
  created_at TEXT COLLATE "C" NOT NULL,
  next_run_at TEXT COLLATE "C" NOT NULL,
  last_run_at TEXT COLLATE "C",
  last_status TEXT CHECK (last_status IN ('ok', 'partial', 'failed')),
  last_error TEXT
);

CREATE TABLE source_items (
  source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  url TEXT COLLATE "C" NOT NULL,
  feed_title TEXT,
  feed_published TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  page_id TEXT COLLATE "C",
  attempts INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  retry_at TEXT COLLATE "C",
  seen_at TEXT COLLATE "C" NOT NULL,
  done_at TEXT COLLATE "C",
  PRIMARY KEY (source_id, url)
);
CREATE INDEX source_items_queue ON source_items (source_id, state, retry_at);
CREATE INDEX source_items_page ON source_items (page_id);

CREATE TABLE source_events (
  seq BIGSERIAL PRIMARY KEY,
  source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  at TEXT COLLATE "C" NOT NULL,
  url TEXT,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX source_events_source ON source_events (source_id, seq);

CREATE TABLE fetch_validators (
  url TEXT COLLATE "C" PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  body TEXT,
  fetched_at TEXT COLLATE "C" NOT NULL
);
