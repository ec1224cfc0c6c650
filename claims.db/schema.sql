-- The claims store's CURRENT schema (version 5), for reading. Not executed by
-- the binary: the store is built from migrations/*.sql, and a test checks
-- that this file equals the result of applying every migration to an empty
-- database (compared through sqlite_master, white space and comments aside).
-- docs/store.md explains the tables.

PRAGMA application_id = 1131179379;  -- "Clms"
PRAGMA user_version = 5;

CREATE TABLE articles (
  id                INTEGER PRIMARY KEY,
  path              TEXT NOT NULL UNIQUE,
  hash              TEXT NOT NULL UNIQUE,
  bytes             INTEGER NOT NULL,           -- length of the original bytes
  size              INTEGER NOT NULL DEFAULT 0, -- file size when ingested (0: not a file)
  mtime_ns          INTEGER NOT NULL DEFAULT 0, -- file mtime when ingested (0: not a file)
  title             TEXT NOT NULL DEFAULT '',
  date              TEXT NOT NULL DEFAULT '',   -- "2024-03-19" when known
  date_source       TEXT NOT NULL DEFAULT '',   -- jsonl front-matter text flag ''
  url               TEXT NOT NULL DEFAULT '',
  script            TEXT NOT NULL DEFAULT '' CHECK (script = 'Hans' OR script = 'Hant' OR script = ''),
  ingested_at       TEXT NOT NULL,              -- UTC, "2024-03-19T11:57:53Z"
  extractor_version INTEGER NOT NULL
);

-- One row per claim. Exact values are canonical decimal TEXT ("5931000000",
-- "-16.5"); value_hi is NULL where it equals value_lo (most claims).
-- The row id is (article id << 32) + the claim's place in the article, so an
-- article's claims are the row ids A << 32 .. (A << 32) + 0xFFFFFFFF: no
-- index by article to keep (the article is id >> 32).
CREATE TABLE claims (
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

-- Spans that are not claims: dates (type 'date') and model names ('model').
-- Row ids as in claims.
CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,            -- (article id << 32) + place in the article
  type        TEXT NOT NULL CHECK (type IN ('date', 'model')),
  byte_start  INTEGER NOT NULL,
  byte_end    INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  surface     TEXT NOT NULL,
  value       TEXT NOT NULL DEFAULT '',
  sentence_id INTEGER                         -- sentences.id; NULL: none
);

-- Each distinct sentence of an article that a claim or mention stands in,
-- stored once (claims and mentions name it by id; ids are store-wide). An
-- article's sentences are found through the ids its claims and mentions
-- name. No table REFERENCES articles: the store deletes an article's claims,
-- mentions and sentences itself, and a cascade would scan whole tables.
CREATE TABLE sentences (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  text       TEXT NOT NULL
);

-- The checker's runs: one summary row each. Findings belong to the latest run
-- and are replaced as a whole by the next one.
CREATE TABLE check_runs (
  id              INTEGER PRIMARY KEY,
  ran_at          TEXT NOT NULL,
  articles        INTEGER NOT NULL,
  claims          INTEGER NOT NULL,
  groups_compared INTEGER NOT NULL,
  consistent      INTEGER NOT NULL,
  findings        INTEGER NOT NULL,
  by_rule         TEXT NOT NULL DEFAULT '{}', -- JSON object: rule -> count
  by_severity     TEXT NOT NULL DEFAULT '{}'  -- JSON object: severity -> count
);

CREATE TABLE findings (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES check_runs (id) ON DELETE CASCADE,
  rule        TEXT NOT NULL,
  family      TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  message     TEXT NOT NULL,
  expected    TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT '{}'      -- JSON object: name -> text
);

-- The claims a finding cites, as a snapshot (articles may be re-ingested or
-- forgotten after the run). Same columns as `claims`, plus the article.
CREATE TABLE finding_claims (
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

-- Spans a finding cites that are not claims (a model name cut to a letter).
CREATE TABLE finding_locations (
  finding_id   INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  path         TEXT NOT NULL,
  article_hash TEXT NOT NULL,
  line         INTEGER NOT NULL,
  byte_start   INTEGER NOT NULL,
  byte_end     INTEGER NOT NULL,
  surface      TEXT NOT NULL,
  sentence     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (finding_id, ord)
) WITHOUT ROWID;
