-- Derived story state per article (issue 16): the event cluster it is in (exactly one) and the stored storyline it is
-- in (at most one, NULL when its event is in no stored storyline). Written in the same transaction as the article's
-- story features and the stories, so a crash never leaves them out of step; `marsad check` verifies them.
CREATE TABLE article_events (
  article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  event_id TEXT COLLATE "C" NOT NULL,
  storyline_id TEXT COLLATE "C"
);
CREATE INDEX article_events_storyline ON article_events (storyline_id);
CREATE INDEX article_events_event ON article_events (event_id);
-- Hash of a story's membership (event clusters, their articles, duplicates): a story is rewritten when it changes.
ALTER TABLE stories ADD COLUMN signature TEXT;
