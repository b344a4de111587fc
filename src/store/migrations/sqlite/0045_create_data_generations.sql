-- Validators for cached API answers (issue 18 item 3): a counter per kind of data, bumped by triggers in the
-- transaction that changes it, so a server process (or another one sharing the file) knows in one indexed read
-- whether an answer it keeps is still current. 'search': search documents; 'entities': entity mentions;
-- 'stories': stored storylines; 'articles': articles.
CREATE TABLE data_generations (
  name TEXT PRIMARY KEY,
  generation INTEGER NOT NULL
);
INSERT INTO data_generations (name, generation) VALUES ('search', 0), ('entities', 0), ('stories', 0), ('articles', 0);

CREATE TRIGGER data_generations_search_added AFTER INSERT ON search_docs
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'search'; END;
CREATE TRIGGER data_generations_search_changed AFTER UPDATE ON search_docs
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'search'; END;
CREATE TRIGGER data_generations_search_removed AFTER DELETE ON search_docs
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'search'; END;

CREATE TRIGGER data_generations_entities_added AFTER INSERT ON annotations WHEN NEW.layer = 'entities'
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'entities'; END;
CREATE TRIGGER data_generations_entities_removed AFTER DELETE ON annotations WHEN OLD.layer = 'entities'
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'entities'; END;

CREATE TRIGGER data_generations_stories_added AFTER INSERT ON stories
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'stories'; END;
CREATE TRIGGER data_generations_stories_changed AFTER UPDATE ON stories
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'stories'; END;
CREATE TRIGGER data_generations_stories_removed AFTER DELETE ON stories
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'stories'; END;

CREATE TRIGGER data_generations_articles_added AFTER INSERT ON articles
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'articles'; END;
CREATE TRIGGER data_generations_articles_changed AFTER UPDATE ON articles
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'articles'; END;
CREATE TRIGGER data_generations_articles_removed AFTER DELETE ON articles
BEGIN UPDATE data_generations SET generation = generation + 1 WHERE name = 'articles'; END;
