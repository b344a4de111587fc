-- Raw pages as received, one row per distinct decoded text (id = content hash, so re-ingest is a no-op).
-- Ids and ISO dates use the "C" collation: byte order equals code-point order, as in SQLite, whatever the database locale.
CREATE TABLE pages (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  url TEXT NOT NULL,
  -- ISO-8601 UTC as written by ingest, kept as text so it round-trips byte for byte.
  fetched_at TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('text/html', 'text/plain')),
  encoding TEXT,
  body TEXT NOT NULL,
  -- The text page-level spans index; NULL when it equals body (plain-text pages).
  page_text TEXT
);
CREATE INDEX pages_url ON pages (url);
