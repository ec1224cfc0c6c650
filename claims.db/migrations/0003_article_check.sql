-- claims store schema, version 3: the articles table's CHECK on `script`
-- written as comparisons instead of an IN list.
-- RELEASED MIGRATIONS ARE NEVER EDITED (see 0001_init.sql).
--
-- SQLite evaluates `script IN ('Hans', 'Hant', '')` by building a temporary
-- index of the three strings once per run of the INSERT statement, and
-- ingest inserts one article per run: about 48,000 instructions for each
-- article, a tenth of the writer's work on news text (callgrind). The same
-- constraint as comparisons costs a few instructions. SQLite cannot change a
-- constraint in place, so the table is rebuilt (one small row per article).
-- The store runs migrations with foreign keys off, so dropping the old table
-- deletes no claims; claims, mentions and sentences name the table
-- `articles`, which the rename makes the new one.

CREATE TABLE articles_v3 (
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
INSERT INTO articles_v3 (id, path, hash, bytes, size, mtime_ns, title, date, date_source, url, script,
                         ingested_at, extractor_version)
  SELECT id, path, hash, bytes, size, mtime_ns, title, date, date_source, url, script, ingested_at,
         extractor_version
  FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v3 RENAME TO articles;
