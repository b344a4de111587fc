-- Articles extracted from pages, and every labelled span of the page text (headline, meta, body, removed boilerplate).
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  -- hashId(['article', page_id, idx])
  id TEXT NOT NULL UNIQUE,
  page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL CHECK (idx >= 0),
  headline TEXT,
  dek TEXT,
  -- Paragraphs joined by "\n": the coordinate system of annotation offsets.
  body TEXT NOT NULL,
  -- YYYY-MM-DD, YYYY-MM or YYYY to match published_precision.
  published_date TEXT,
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
  published_text TEXT,
  published_from TEXT,
  published_start INTEGER,
  published_end INTEGER,
  outlet TEXT,
  cited_sources TEXT NOT NULL DEFAULT '[]',
  -- JSON [{page: {start, end}, body: {start, end}}, ...]: where each body paragraph sits in the page text.
  paragraphs TEXT NOT NULL DEFAULT '[]',
  -- 1 when the annotation layers ran (an annotated article may still have no rows in annotations).
  annotated INTEGER NOT NULL DEFAULT 0 CHECK (annotated IN (0, 1)),
  UNIQUE (page_id, idx),
  CHECK ((published_date IS NULL) = (published_precision IS NULL))
);
CREATE INDEX articles_published ON articles (published_date);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE spans (
  page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  -- Index of the article the span belongs to; NULL for page-level boilerplate.
  article_idx INTEGER,
  kind TEXT NOT NULL,
  reason TEXT,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL,
  PRIMARY KEY (page_id, seq),
  CHECK (start_offset < end_offset)
);
CREATE INDEX spans_kind ON spans (page_id, kind);
