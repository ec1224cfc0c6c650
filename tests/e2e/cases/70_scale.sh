# Past one machine (docs/scale.md): extract in 4 shards in parallel ->
# concatenate -> import -> check gives the same findings as ingest -> check of
# the same articles; and the checker's grouping as SQL over the exported
# claims finds the known H20 conflict of fixtures/corpus.

cd "$work" && mkdir -p scale && cd scale
# fixtures/corpus as a JSONL stream, then generated articles whose figures
# vary (bench/gen_corpus.py), so the checker has many groups to compare.
python3 - "$src/fixtures/corpus" > all.jsonl <<'PY'
import glob, json, os, sys
for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    print(json.dumps({"id": "corpus/" + os.path.basename(p), "text": open(p, encoding="utf-8").read()},
                     ensure_ascii=False))
PY
python3 "$src/bench/gen_corpus.py" --out gen --mb 0.15 --figures 1 --seed 7 >/dev/null
cat gen/articles.jsonl >> all.jsonl
split -n l/4 -d all.jsonl shard.

# The map step: 4 extracts at once, each a stdin -> stdout filter.
expect 0 '^$' -- bash -c "printf '%s\n' shard.0? | xargs -P 4 -I{} sh -c '\"$bin\" extract --format records - < {} > {}.records'"
expect 0 '^4$' -- bash -c 'ls shard.0?.records | wc -l'
# Every article comes out once, first in its group of lines.
expect 0 '^ok$' -- python3 - <<'PY'
import json, glob
ids = [json.loads(l)["id"] for l in open("all.jsonl", encoding="utf-8")]
seen, last = [], None
for f in sorted(glob.glob("shard.0?.records")):
    for l in open(f, encoding="utf-8"):
        r = json.loads(l)
        if r["record"] == "article": seen.append(r["path"]); last = r["path"]
        else: assert r["path"] == last, r
assert seen == ids, (len(seen), len(ids))
print("ok")
PY

# Reduce: concatenate, import, check; against ingest of the same stream.
cat shard.03.records shard.01.records shard.00.records shard.02.records > merged.records
articles=$(wc -l < all.jsonl)
expect 0 "^imported $articles articles, [0-9,]+ claims, 0 unchanged$" -- "$bin" import --db split.db merged.records
expect 0 "ingested $articles articles" -- "$bin" ingest --db whole.db all.jsonl
"$bin" check --db split.db --format json > split.json
"$bin" check --db whole.db --format json > whole.json
expect 0 '"rule":"value-conflict"' -- cat split.json
expect 0 '^same$' -- bash -c 'cmp split.json whole.json && echo same'
expect 0 '^same$' -- bash -c "cmp <(\"$bin\" export --db split.db --what claims --format jsonl) <(\"$bin\" export --db whole.db --what claims --format jsonl) && echo same"
expect 0 '^same$' -- bash -c "cmp <(\"$bin\" export --db split.db --what claims) <(\"$bin\" export --db whole.db --what claims) && echo same"
# Importing again changes nothing; the same content under a smaller path wins.
expect 0 "^imported 0 articles, 0 claims, $articles unchanged$" -- "$bin" import --db split.db merged.records
head -n 1 shard.00 | sed 's/"id": "corpus\//"id": "zz-copy\//' > later.jsonl
expect 0 '^imported 0 articles, 0 claims, 0 unchanged, 1 duplicate$' -- bash -c "\"$bin\" extract --format records - < later.jsonl | \"$bin\" import --db split.db -"
head -n 1 shard.00 | sed 's/"id": "corpus\//"id": "a-copy\//' > earlier.jsonl
expect 0 '^imported 1 article, ' -- bash -c "\"$bin\" extract --format records - < earlier.jsonl | \"$bin\" import --db split.db -"
expect 0 '^a-copy/a01_results.txt,$' -- bash -c "\"$bin\" export --db split.db --what articles | grep -o '^[a-z-]*/a01_results.txt,'"

# Bad records: named with the line; what came before is kept; exit 3.
{ head -n 3 merged.records; echo '{"record":"claim","path":"elsewhere"}'; } > bad.records
expect 3 'bad.records: line 4: claim names path "elsewhere" after article' -- "$bin" import --db bad.db bad.records
echo '{"record":"claim","path":"x"}' > orphan.records
expect 3 'line 1: claim before any article line' -- "$bin" import --db bad.db orphan.records
expect 2 'import needs FILE' -- "$bin" import --db bad.db
expect 0 'usage: claims import' -- "$bin" help import

# The grouping as SQL (the block in docs/scale.md) over the exported claims.
if command -v sqlite3 >/dev/null; then
  awk '/^```sql$/{on=1; next} /^```$/{on=0} on' "$src/docs/scale.md" > conflicts.sql
  mkdir -p fx && "$bin" ingest --db fx/claims.db --quiet "$src/fixtures/corpus"
  "$bin" export --db fx/claims.db --what claims --format csv -o fx/claims.csv
  expect 0 '^H20\|compute\|\|\|ratio:H100\|[^|]*a06_specs.txt:6\|15%\|[^|]*\|[^|]*a06_specs.txt:5\|80%左右\|' -- bash -c "sqlite3 :memory: -cmd '.import --csv fx/claims.csv claims' < conflicts.sql"
  # Every value-conflict claims check reports is among the SQL's pairs.
  expect 0 '^ok [1-9]' -- python3 - "$bin" <<'PY'
import json, subprocess, sys
bin = sys.argv[1]
rows = subprocess.run(["sqlite3", ":memory:", "-cmd", ".import --csv fx/claims.csv claims"],
                      stdin=open("conflicts.sql"), capture_output=True, text=True).stdout.splitlines()
pairs = {(r.split("|")[5], r.split("|")[8]) for r in rows}
out = subprocess.run([bin, "check", "--db", "fx/claims.db", "--format", "json", "--rule", "value-conflict"],
                     capture_output=True, text=True).stdout
n = 0
for f in json.loads(out)["findings"]:
    at = tuple(f"{c['path']}:{c['line']}" for c in f["claims"])
    assert at in pairs or at[::-1] in pairs, (at, pairs)
    n += 1
print("ok", n)
PY
fi
cd "$work"
