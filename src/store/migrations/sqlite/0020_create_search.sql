-- Full-text search over Marsad's analysed terms (normalised + light-stemmed, see src/text/stem.ts), not raw text.
-- search_docs holds one row per indexed article and the filter columns; search_fts is contentless (snippets are
-- cut in TS from articles.body) and keyed by search_docs.doc.
CREATE TABLE search_docs (
  doc INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  outlet TEXT,
  -- YYYY, YYYY-MM or YYYY-MM-DD (the article's published date at its precision), NULL when unknown.
  published TEXT,
  analyzer_version INTEGER NOT NULL
);
CREATE INDEX search_docs_outlet ON search_docs (outlet);
CREATE INDEX search_docs_published ON search_docs (published);

CREATE VIRTUAL TABLE search_fts USING fts5 (
  headline,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);
