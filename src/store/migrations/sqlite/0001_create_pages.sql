-- Raw pages as received, one row per distinct decoded text (id = content hash, so re-ingest is a no-op).
CREATE TABLE pages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('text/html', 'text/plain')),
  encoding TEXT,
  body TEXT NOT NULL,
  -- The text page-level spans index; NULL when it equals body (plain-text pages).
  page_text TEXT
);
CREATE INDEX pages_url ON pages (url);
