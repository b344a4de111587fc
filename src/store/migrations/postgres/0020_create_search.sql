-- Full-text search over Marsad's analysed terms (normalised + light-stemmed, see src/text/stem.ts), not raw text.
-- terms is built in TypeScript (postgres/ts-vector.ts): headline positions weighted A, body positions D, with a gap
-- between them so a phrase never spans headline and body. Snippets are cut in TS from articles.body.
CREATE TABLE search_docs (
  doc BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id TEXT COLLATE "C" NOT NULL UNIQUE,
  outlet TEXT,
  -- YYYY, YYYY-MM or YYYY-MM-DD (the article's published date at its precision), NULL when unknown.
  published TEXT COLLATE "C",
  analyzer_version INTEGER NOT NULL,
  terms TSVECTOR NOT NULL
);
CREATE INDEX search_docs_outlet ON search_docs (outlet);
CREATE INDEX search_docs_published ON search_docs (published);
CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);
