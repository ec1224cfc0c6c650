# The store commands: ingest, stats, export, forget; bad input; foreign and
# newer databases; and crash safety (kill -9 mid-ingest, then converge).
# Fixture text is generated here, never copied from a corpus.

store_article() {  # store_article FILE TITLE: a short article with a few claims
  mkdir -p "$(dirname "$1")"
  printf '%s\n2024-03-19 10:00:00\n\n示例公司第三季度营收60.5亿元，同比增长12.5%%。\n员工总数约为3200人。\n' "$2" >"$1"
}

mkdir -p st && cd st
store_article corpus/a.txt "第一篇"
store_article corpus/sub/b.md "# 第二篇"
printf '=HYPERLINK("http://x")的营收为5亿元。\n' >corpus/formula.txt
expect 0 'ingested 3 articles .* 0 unchanged$' -- "$bin" ingest corpus
expect 0 'ingested 0 articles .* 3 unchanged$' -- "$bin" ingest corpus
expect 0 '^articles +3$' -- "$bin" stats
expect 0 '"schema_version":5' -- "$bin" stats --format json
expect 0 'claims by unit:' -- "$bin" stats

# Bad input: named with its byte offset, the rest ingested, exit 3.
printf '第三篇\n营收5亿元\xff\xfe。\n' >corpus/bad.txt
store_article corpus/c.txt "第四篇"
expect 3 'corpus/bad.txt: .*byte [0-9]+' -- "$bin" ingest corpus
expect 3 'ingested 0 articles .*1 unchanged, 2 skipped: see above$' -- "$bin" ingest corpus/c.txt corpus/bad.txt missing.txt
rm corpus/bad.txt

# Export: CSV header, BOM with --excel, formula cells neutralised, numbers kept.
expect 0 '^path,byte_start,byte_end,line,surface,value_lo' -- "$bin" export --what claims
expect 0 'path,byte_start' -- "$bin" export --what claims --excel
[[ $("$bin" export --what claims --bom | head -c 3 | od -An -tx1 | tr -d ' ') == efbbbf ]] && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL: export --bom does not start with a UTF-8 BOM"; }
expect 0 ",\"'=HYPERLINK[(]\"\"http" -- "$bin" export --what claims
expect 0 ',6050000000,6050000000,' -- "$bin" export --what claims
expect 0 '"value_lo":"6050000000"' -- "$bin" export --what claims --format jsonl
expect 0 '"path":"corpus/c.txt","hash":"[0-9a-f]{40}"' -- "$bin" export --what articles --format jsonl
expect 0 '^rule,family,severity' -- "$bin" export --what findings
expect 2 'apply to --format csv only' -- "$bin" export --what claims --format jsonl --bom
expect 2 'needs --what' -- "$bin" export
expect 0 '^$' -- "$bin" export --what articles -o articles.csv
expect 0 '^corpus/sub/b.md,' -- cat articles.csv
expect 0 'CLAIMS_DB' -- "$bin" help export

# Forget, --prune, CLAIMS_DB.
expect 0 'forgot 1 article$' -- "$bin" forget corpus/c.txt
expect 3 'nothing stored under this path' -- "$bin" forget corpus/never.txt
expect 0 'forgot 0 articles' -- "$bin" forget --missing-ok corpus/never.txt
rm corpus/a.txt
expect 0 '1 pruned' -- "$bin" ingest --prune corpus  # and c.txt comes back
expect 0 '^articles +3$' -- "$bin" stats
expect 0 'ingested 1 article' -- env CLAIMS_DB=other.db "$bin" ingest corpus/sub
expect 0 '^articles +1$' -- env CLAIMS_DB=other.db "$bin" stats

# Stores we must refuse, clearly.
expect 3 'no claims store here' -- "$bin" stats --db absent.db
mkdir -p dir.db
expect 3 'is a directory' -- "$bin" ingest --db dir.db corpus
printf 'not a database at all, just text. %.0s' $(seq 1 200) >text.db
expect 3 'not a SQLite database' -- "$bin" stats --db text.db
if command -v sqlite3 >/dev/null; then
  sqlite3 foreign.db 'CREATE TABLE recipes (name TEXT)'
  expect 3 'not a claims store' -- "$bin" ingest --db foreign.db corpus
  cp claims.db newer.db
  sqlite3 newer.db 'PRAGMA user_version = 99'
  expect 3 'schema version 99; this claims understands versions up to 5' -- "$bin" stats --db newer.db
fi

# Crash safety: kill -9 at random moments, then check integrity, whole
# articles only, and that a rerun converges to the uninterrupted result.
store_corpus() {
  local d
  for d in $(seq -f %02g 0 9); do mkdir -p big/$d; done
  awk 'BEGIN { srand(11)
    for (i = 0; i < 800; i++) {
      f = sprintf("big/%02d/n%04d.txt", i % 10, i)
      printf "样本%d号的季度简报\n2024-0%d-1%d 09:30\n\n", i, 1 + i % 9, i % 10 > f
      for (k = 0; k < 25; k++)
        printf "样本%d号第%d季度营收%d.%d亿元，同比增长%d.%d%%，毛利率约为%d%%。\n", i, 1 + k % 4,
               10 + int(rand() * 90), int(rand() * 10), int(rand() * 50), int(rand() * 10), 20 + int(rand() * 60) >> f
      close(f)
    } }'
}
store_corpus
"$bin" ingest --quiet --db clean.db --jobs 2 big
"$bin" export --db clean.db --what articles --format csv | awk -F, 'NR > 1 { print $1, $2, $NF }' >clean.articles
"$bin" export --db clean.db --what claims --format jsonl >clean.claims
store_crash_ok=1
for round in 1 2 3 4; do
  "$bin" ingest --quiet --db crash.db --jobs 2 big 2>/dev/null &
  store_pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$store_pid" 2>/dev/null
  wait "$store_pid" 2>/dev/null
  [[ -e crash.db ]] || continue
  if command -v sqlite3 >/dev/null && [[ $(sqlite3 crash.db 'PRAGMA integrity_check') != ok ]]; then
    store_crash_ok=0; echo "FAIL: integrity_check after kill $round"
  fi
  # Every stored article has exactly the hash and claim count of the clean run.
  "$bin" export --db crash.db --what articles --format csv | awk -F, 'NR > 1 { print $1, $2, $NF }' >crash.articles
  if [[ -n $(comm -13 <(sort clean.articles) <(sort crash.articles)) ]]; then
    store_crash_ok=0; echo "FAIL: partial or unknown articles after kill $round:"; comm -13 <(sort clean.articles) <(sort crash.articles) | head -3
  fi
done
"$bin" ingest --quiet --db crash.db --jobs 2 big
"$bin" export --db crash.db --what claims --format jsonl >crash.claims
cmp -s clean.claims crash.claims || { store_crash_ok=0; echo "FAIL: rerun after kills differs from the clean run"; }
[[ $(wc -l <clean.claims) -ge 20000 ]] || { store_crash_ok=0; echo "FAIL: clean run has $(wc -l <clean.claims) claims, want one per line at least"; }
if [[ $store_crash_ok -eq 1 ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi

# Two ingests at once on one store, overlapping. Each one either finishes or,
# when the other holds the store past the busy timeout (a loaded CI machine),
# fails with a clear "locked" message; rerunning a failed one completes the
# job. Either way the store ends holding exactly what one ingest of everything
# holds: never a corrupt or mixed store.
first=(big/00 big/01 big/02 big/03 big/04 big/05)
second=(big/03 big/04 big/05 big/06 big/07 big/08 big/09)
"$bin" ingest --quiet --db twice.db --jobs 1 "${first[@]}" 2>twice1.err &
store_pid=$!
"$bin" ingest --quiet --db twice.db --jobs 1 "${second[@]}" 2>twice2.err
store_rc2=$?
wait "$store_pid"
store_rc1=$?
twice_ok=1
for run in 1 2; do
  rc_var=store_rc$run
  if [[ ${!rc_var} -ne 0 ]]; then
    if grep -qiE 'locked|busy' "twice$run.err"; then
      if [[ $run -eq 1 ]]; then args=("${first[@]}"); else args=("${second[@]}"); fi
      "$bin" ingest --quiet --db twice.db --jobs 1 "${args[@]}" || twice_ok=0
    else
      twice_ok=0; echo "FAIL: concurrent ingest $run exited ${!rc_var} without a clear message:"; head -3 "twice$run.err"
    fi
  fi
done
"$bin" export --db twice.db --what claims --format jsonl >twice.claims
if [[ $twice_ok -eq 1 ]] && cmp -s clean.claims twice.claims &&
   [[ $(sqlite3 twice.db 'PRAGMA integrity_check' 2>/dev/null || echo ok) == ok ]]; then
  pass=$((pass + 1))
else
  fail=$((fail + 1)); echo "FAIL: concurrent ingests did not converge to the clean run (exit codes $store_rc1 $store_rc2)"
  diff <(wc -l <clean.claims) <(wc -l <twice.claims) | head -4
fi
cd ..
