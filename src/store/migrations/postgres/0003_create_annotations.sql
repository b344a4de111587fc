-- Annotation layers of issue 3 (entities, quantities, quotes, times), one row per mention.
-- data is the full mention object (src/core/annotation.ts); offsets index articles.body in UTF-16 code units.
CREATE TABLE annotations (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  layer TEXT NOT NULL CHECK (layer IN ('entities', 'quantities', 'quotes', 'times')),
  seq INTEGER NOT NULL,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL,
  -- Lookup key: the linked entity id for entities, the ISO value for times, the unit for quantities, the speaker for quotes.
  key TEXT COLLATE "C",
  data JSONB NOT NULL,
  PRIMARY KEY (article_id, layer, seq),
  CHECK (start_offset < end_offset)
);
CREATE INDEX annotations_key ON annotations (layer, key);
