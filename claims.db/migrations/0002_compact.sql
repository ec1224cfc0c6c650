-- claims store schema, version 2: each sentence stored once per article, and
-- no indexes that no query uses.
-- RELEASED MIGRATIONS ARE NEVER EDITED (see 0001_init.sql).
--
-- Version 1 copied the sentence into every claim and every mention that
-- stood in it: about 40% of a store's bytes, three copies of each quoted
-- sentence on average. Claims and mentions now name their sentence by id.
-- sentence_id is NULL when there is no sentence. It has no REFERENCES
-- clause on purpose: the checks a foreign key makes when a sentence is
-- deleted would need an index on sentence_id in both tables; the store
-- deletes an article's claims, mentions and sentences together instead.

CREATE TABLE sentences (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  text       TEXT NOT NULL
);

-- Move the sentences of a version-1 store (no-op on a new one).
INSERT INTO sentences (article_id, text)
  SELECT article_id, sentence FROM claims WHERE sentence <> ''
  UNION
  SELECT article_id, sentence FROM mentions WHERE sentence <> ''
  ORDER BY 1, 2;
CREATE INDEX migrate_sentences ON sentences (article_id, text);

ALTER TABLE claims ADD COLUMN sentence_id INTEGER;
UPDATE claims SET sentence_id =
  (SELECT s.id FROM sentences s WHERE s.article_id = claims.article_id AND s.text = claims.sentence)
  WHERE sentence <> '';
ALTER TABLE claims DROP COLUMN sentence;

ALTER TABLE mentions ADD COLUMN sentence_id INTEGER;
UPDATE mentions SET sentence_id =
  (SELECT s.id FROM sentences s WHERE s.article_id = mentions.article_id AND s.text = mentions.sentence)
  WHERE sentence <> '';
ALTER TABLE mentions DROP COLUMN sentence;

DROP INDEX migrate_sentences;
-- To replace an article's sentences; ids grow with article ids, so keeping
-- it during bulk loads costs little.
CREATE INDEX sentences_by_article ON sentences (article_id);

-- claims_by_subject and claims_by_unit_value served no query: the checker,
-- report and export read whole articles in path order (articles' path index,
-- then claims_by_article), and only `claims stats` used one, as a covering
-- index for its GROUP BY. Building them after each bulk load took a fifth of
-- ingest's time outside extraction. (IF EXISTS: a version-1 bulk load killed
-- before it rebuilt them left them out.)
DROP INDEX IF EXISTS claims_by_subject;
DROP INDEX IF EXISTS claims_by_unit_value;
