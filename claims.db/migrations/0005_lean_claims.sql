-- claims store schema, version 5: claims and finding_claims lose
-- value_sort, and value_hi is NULL where it equals value_lo.
-- RELEASED MIGRATIONS ARE NEVER EDITED (see 0001_init.sql).
--
-- No query ever sorted by value_sort (the checker, report and export read
-- claims in article order and compare exact decimals), yet every claim the
-- writer inserted computed it, bound it and stored 9 bytes of it. Most
-- claims are one value, so value_hi repeated value_lo's text; NULL says the
-- same in one byte and is a parameter the writer does not bind again. The
-- readers select coalesce(value_hi, value_lo) (ClaimColumnsOf in
-- lib/store/rows.h), so what they read is unchanged. Runs with foreign keys
-- off; row ids and row order are kept.

CREATE TABLE claims_v5 (
  id             INTEGER PRIMARY KEY,         -- (article id << 32) + place in the article
  byte_start     INTEGER NOT NULL,
  byte_end       INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  surface        TEXT NOT NULL,
  value_lo       TEXT NOT NULL,
  value_hi       TEXT,                        -- NULL: equal to value_lo
  precision      TEXT NOT NULL,
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
INSERT INTO claims_v5 (id, byte_start, byte_end, line, surface, value_lo, value_hi, precision, unit, dimension,
                       counted, qualifier, kind, direction, entity, metric, metric_word, period, scope, base,
                       base_entity, sentence_start, sentence_end, sentence_id)
  SELECT id, byte_start, byte_end, line, surface, value_lo, nullif(value_hi, value_lo), precision, unit, dimension,
         counted, qualifier, kind, direction, entity, metric, metric_word, period, scope, base, base_entity,
         sentence_start, sentence_end, sentence_id
  FROM claims ORDER BY id;
DROP TABLE claims;
ALTER TABLE claims_v5 RENAME TO claims;

CREATE TABLE finding_claims_v5 (
  finding_id     INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  ord            INTEGER NOT NULL,
  claim_id       INTEGER NOT NULL,
  path           TEXT NOT NULL,
  article_hash   TEXT NOT NULL,
  article_date   TEXT NOT NULL DEFAULT '',
  byte_start     INTEGER NOT NULL,
  byte_end       INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  surface        TEXT NOT NULL,
  value_lo       TEXT NOT NULL,
  value_hi       TEXT,                        -- NULL: equal to value_lo
  precision      TEXT NOT NULL,
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
  sentence       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (finding_id, ord)
) WITHOUT ROWID;
INSERT INTO finding_claims_v5 (finding_id, ord, claim_id, path, article_hash, article_date, byte_start, byte_end,
                               line, surface, value_lo, value_hi, precision, unit, dimension, counted, qualifier,
                               kind, direction, entity, metric, metric_word, period, scope, base, base_entity,
                               sentence_start, sentence_end, sentence)
  SELECT finding_id, ord, claim_id, path, article_hash, article_date, byte_start, byte_end, line, surface, value_lo,
         nullif(value_hi, value_lo), precision, unit, dimension, counted, qualifier, kind, direction, entity, metric,
         metric_word, period, scope, base, base_entity, sentence_start, sentence_end, sentence
  FROM finding_claims;
DROP TABLE finding_claims;
ALTER TABLE finding_claims_v5 RENAME TO finding_claims;
