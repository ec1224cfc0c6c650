-- claims store schema, version 4: an article's claims and mentions are a
-- range of row ids, so no table keeps an index by article.
-- RELEASED MIGRATIONS ARE NEVER EDITED (see 0001_init.sql).
--
-- Version 3 kept claims_by_article, mentions_by_article and
-- sentences_by_article, and every row the writer inserted went into its
-- table's B-tree and its index's: a fifth of the writer's instructions. Now
-- a claim's or mention's row id is (article id << 32) + its place in the
-- article (0, 1, ...), so "the rows of article A" is the row id range
-- A << 32 .. (A << 32) + 0xFFFFFFFF and the table's own B-tree finds them;
-- the article_id column goes (it is id >> 32). Offsets are 32-bit, so an
-- article has fewer than 2^32 rows; article ids stay below 2^31 (the writer
-- refuses a larger one).
--
-- Sentences keep store-wide ids (the checker keys sentences by a 32-bit
-- id) and their article_id; the store finds an article's sentences from
-- the sentence ids its claims and mentions name. No child table REFERENCES
-- articles any more: with no index by article, the cascade of a deleted
-- article would scan the whole table, and the store deletes an article's
-- rows itself, children first. Row order within an article is kept (the
-- readers break offset ties by row id). Runs with foreign keys off.

CREATE TABLE claims_v4 (
  id             INTEGER PRIMARY KEY,         -- (article id << 32) + place in the article
  byte_start     INTEGER NOT NULL,
  byte_end       INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  surface        TEXT NOT NULL,
  value_lo       TEXT NOT NULL,
  value_hi       TEXT NOT NULL,
  precision      TEXT NOT NULL,
  value_sort     REAL,
  unit           TEXT NOT NULL,
  dimension      TEXT NOT NULL,
  counted        TEXT NOT NULL DEFAULT '',
  qualifier      TEXT NOT NULL,
  kind           TEXT NOT NULL,
  direction      TEXT NOT NULL DEFAULT '',
  entity         TEXT NOT NULL DEFAULT '',
  metric         TEXT NOT NULL DEFAULT '',
  metric_word    TEXT NOT NULL DEFAULT '',
  period         TEXT NOT NULL DEFAULT '',
  scope          TEXT NOT NULL DEFAULT '',
  base           TEXT NOT NULL DEFAULT '',
  base_entity    TEXT NOT NULL DEFAULT '',
  sentence_start INTEGER NOT NULL DEFAULT 0,
  sentence_end   INTEGER NOT NULL DEFAULT 0,
  sentence_id    INTEGER                      -- sentences.id; NULL: none
);
INSERT INTO claims_v4 (id, byte_start, byte_end, line, surface, value_lo, value_hi, precision, value_sort, unit,
                       dimension, counted, qualifier, kind, direction, entity, metric, metric_word, period, scope,
                       base, base_entity, sentence_start, sentence_end, sentence_id)
  SELECT (article_id << 32) + row_number() OVER (PARTITION BY article_id ORDER BY id) - 1,
         byte_start, byte_end, line, surface, value_lo, value_hi, precision, value_sort, unit, dimension, counted,
         qualifier, kind, direction, entity, metric, metric_word, period, scope, base, base_entity, sentence_start,
         sentence_end, sentence_id
  FROM claims ORDER BY 1;
DROP TABLE claims;
ALTER TABLE claims_v4 RENAME TO claims;

CREATE TABLE mentions_v4 (
  id          INTEGER PRIMARY KEY,            -- (article id << 32) + place in the article
  type        TEXT NOT NULL CHECK (type IN ('date', 'model')),
  byte_start  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  surface     TEXT NOT NULL,
  value       TEXT NOT NULL DEFAULT '',
  sentence_id INTEGER                         -- sentences.id; NULL: none
);
INSERT INTO mentions_v4 (id, type, byte_start, byte_end, line, surface, value, sentence_id)
  SELECT (article_id << 32) + row_number() OVER (PARTITION BY article_id ORDER BY id) - 1,
         type, byte_start, byte_end, line, surface, value, sentence_id
  FROM mentions ORDER BY 1;
DROP TABLE mentions;
ALTER TABLE mentions_v4 RENAME TO mentions;

CREATE TABLE sentences_v4 (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  text       TEXT NOT NULL
);
INSERT INTO sentences_v4 (id, article_id, text) SELECT id, article_id, text FROM sentences ORDER BY id;
DROP TABLE sentences;
ALTER TABLE sentences_v4 RENAME TO sentences;
