-- Articles extracted from pages, and every labelled span of the page text (headline, meta, body, removed boilerplate).
-- Offsets are UTF-16 code units (JavaScript string indices); substrings are cut in TypeScript, never in SQL.
CREATE TABLE articles (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- hashId(['article', page_id, idx])
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  page_id TEXT COLLATE "C" NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL CHECK (idx >= 0),
  headline TEXT,
  dek TEXT,
  -- Paragraphs joined by "\n": the coordinate system of annotation offsets.
  body TEXT NOT NULL,
  -- YYYY-MM-DD, YYYY-MM or YYYY to match published_precision.
  published_date TEXT COLLATE "C",
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
  published_text TEXT,
  published_from TEXT,
  published_start INTEGER,
  published_end INTEGER,
  outlet TEXT,
  cited_sources JSONB NOT NULL DEFAULT '[]',
  -- [{page: {start, end}, body: {start, end}}, ...]: where each body paragraph sits in the page text.
  paragraphs JSONB NOT NULL DEFAULT '[]',
  -- true when the annotation layers ran (an annotated article may still have no rows in annotations).
  annotated BOOLEAN NOT NULL DEFAULT false,
  UNIQUE (page_id, idx),
  CHECK ((published_date IS NULL) = (published_precision IS NULL))
);
-- The listing order of ArticleStore.listArticles: newest first, undated last, then ingest order.
CREATE INDEX articles_listing ON articles ((published_date IS NULL), published_date DESC, seq);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE spans (
  page_id TEXT COLLATE "C" NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
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
