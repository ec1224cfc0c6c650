#!/usr/bin/env bash
# Benchmarks claims on generated corpora and writes bench/results.md.
#
#   bash bench/run.sh [SIZE_MB]                 (default 200)
#   BENCH_STEPS=extract,peer bash bench/run.sh  (rerun some steps; the others'
#                                                rows stay from their last run)
#
# Steps (default: all, in this order):
#   extract  claims extract --format jsonl on the realistic corpus (JSONL stdin, one core)
#   ingest   claims ingest --jobs 1 and --jobs 2 of the realistic corpus's files
#   export   claims export --what claims --format csv of the --jobs 2 store
#   check    claims check at about 100K and 1M claims, on stores of a claim-dense
#            corpus (gen_corpus.py --figures 1), so 1M claims needs ~60 MB of text
#   peer     Microsoft Recognizers-Text (npm, zh-cn) and claims extract on the same
#            slice of the realistic corpus; skipped without node/npm or network
#   spread   claims check on claim-dense stores whose entities grow with them
#            (gen_corpus.py --entities, 50 made-up companies per MB), one per size
#            of BENCH_SPREAD_MB (default "6 60": about 140K and 1.4M claims)
#
# Environment: BENCH_FIGURES (realistic corpus's share of sentences with
# figures, default 0.15), BENCH_DENSE_MB (claim-dense corpus, default 60),
# BENCH_PEER_KB (peer slice, default 200), BENCH_PEER_DIR (npm cache, default
# bench/out/peer), BENCH_BIN (use this claims binary instead of building). Builds a Release binary in build-bench/; corpora, stores
# and per-step rows stay in bench/out/ (ignored by git). Wall time and peak
# RSS come from /usr/bin/time (%e, %M: getrusage's ru_maxrss).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
figures=${BENCH_FIGURES:-0.15}
dense_mb=${BENCH_DENSE_MB:-60}
peer_kb=${BENCH_PEER_KB:-200}
steps=",${BENCH_STEPS:-extract,ingest,export,check,peer,spread},"
want() { [[ $steps == *",$1,"* ]]; }
bash .ci/deps time
if [[ -n ${BENCH_BIN:-} ]]; then
  bin=$(realpath "$BENCH_BIN")  # a binary already built (to try this script on small sizes)
else
  CLAIMS_BUILD_DIR=build-bench bash .ci/build -DCMAKE_BUILD_TYPE=Release -DCLAIMS_BUILD_TESTS=OFF
  bin=$PWD/build-bench/cli/claims
fi
out=bench/out
rows=$out/rows
mkdir -p "$out" "$rows"

# gen DIR MB FIGURES: a corpus in DIR, regenerated (and its rows dropped) only
# when its parameters change.
gen() {
  local dir=$1 key="$2 $3"
  [[ -f $dir/.params && $(cat "$dir/.params") == "$key" ]] && return
  rm -rf "$dir" && mkdir -p "$dir"
  python3 bench/gen_corpus.py --out "$dir" --mb "$2" --figures "$3" >&2
  echo "$key" > "$dir/.params"
  rm -f "$rows"/* "$out"/*.db "$out"/*.db-*
}
gen "$out/corpus" "$mb" "$figures"
want check && gen "$out/dense" "$dense_mb" 1
corpus=$out/corpus
bytes=$(stat -c %s "$corpus/articles.jsonl")
files_bytes=$(du -sb "$corpus/files" | cut -f1)
articles=$(wc -l < "$corpus/articles.jsonl")

# measure NAME CMD...: wall seconds and peak RSS (KB) into $secs and $rss.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time.$name" "$@"
  read -r secs rss < "$out/time.$name"
}
py() { python3 -c "print($1)"; }
mbps() { py "f'{$1/1048576/$2:.1f}'"; }
stored_claims() { "$bin" stats --db "$1" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["claims"])'; }
# claims per MB of a file of articles and its claim count
density() { py "f'{$2*1048576/$1:,.0f}'"; }

if want extract; then
  measure extract "$bin" extract --format jsonl - < "$corpus/articles.jsonl" > "$out/claims.jsonl"
  claims=$(wc -l < "$out/claims.jsonl")
  echo "| \`claims extract --format jsonl -\` (one core, context on) | ${secs} s | $(mbps "$bytes" "$secs") MB/s, $(py "f'{$claims/$secs:,.0f}'") claims/s | $((rss / 1024)) MB |" > "$rows/1-extract"
  echo "Realistic corpus: $claims claims, $(density "$bytes" "$claims") claims per MB." > "$rows/0-corpus"
fi

if want ingest || want export; then
  if want ingest || [[ ! -f $out/j2.db ]]; then
    rm -f "$out"/j1.db*; measure ingest1 "$bin" ingest --db "$out/j1.db" --jobs 1 "$corpus/files" 2>/dev/null
    echo "| \`claims ingest --jobs 1\` | ${secs} s | $(mbps "$files_bytes" "$secs") MB/s | $((rss / 1024)) MB |" > "$rows/2-ingest1"
    rm -f "$out"/j1.db*
    rm -f "$out"/j2.db*; measure ingest2 "$bin" ingest --db "$out/j2.db" --jobs 2 "$corpus/files" 2>/dev/null
    echo "| \`claims ingest --jobs 2\` | ${secs} s | $(mbps "$files_bytes" "$secs") MB/s | $((rss / 1024)) MB |" > "$rows/3-ingest2"
    store_bytes=$(stat -c %s "$out/j2.db")
    stored=$(stored_claims "$out/j2.db")
    echo "Store: $stored claims in $((store_bytes / 1048576)) MB, $((store_bytes / stored)) bytes per claim." > "$rows/9-store"
  fi
fi

if want export; then
  stored=$(stored_claims "$out/j2.db")
  measure export "$bin" export --db "$out/j2.db" --what claims --format csv -o "$out/claims.csv"
  echo "| \`claims export --what claims --format csv\` | ${secs} s | $(py "f'{$stored/$secs:,.0f}'") rows/s | $((rss / 1024)) MB |" > "$rows/6-export"
  rm -f "$out/claims.csv"
fi

if want check; then
  # The claim-dense corpus: the 1M store holds all of it, the 100K store a
  # head of its articles in proportion.
  dense=$out/dense
  if [[ ! -f $out/dense.db ]]; then
    "$bin" ingest --db "$out/dense.db" --quiet "$dense/articles.jsonl"
  fi
  dense_claims=$(stored_claims "$out/dense.db")
  dense_articles=$(wc -l < "$dense/articles.jsonl")
  if [[ ! -f $out/dense100k.db ]]; then
    head -n $(( dense_articles * 100000 / dense_claims + 1 )) "$dense/articles.jsonl" | "$bin" ingest --db "$out/dense100k.db" --quiet -
  fi
  small_claims=$(stored_claims "$out/dense100k.db")
  measure check100k bash -c "\"$bin\" check --db \"$out/dense100k.db\" --format json > /dev/null; true"
  c1_s=$secs
  echo "| \`claims check\`, $small_claims claims | ${secs} s | | $((rss / 1024)) MB |" > "$rows/4-check100k"
  measure check1m bash -c "\"$bin\" check --db \"$out/dense.db\" --format json > /dev/null; true"
  echo "| \`claims check\`, $dense_claims claims | ${secs} s | ratio $(py "f'{$secs/max($c1_s,0.01):.1f}'")x for $(py "f'{$dense_claims/max($small_claims,1):.1f}'")x the claims | $((rss / 1024)) MB |" > "$rows/5-check1m"
  dense_density=$(py "$dense_claims*1048576/$(stat -c %s "$dense/articles.jsonl")")
  echo "Checker stores: built from a claim-dense corpus (\`gen_corpus.py --figures 1\`, $dense_mb MB, $(py "f'{$dense_density:,.0f}'") claims per MB), so $dense_claims claims take $dense_mb MB of text; at the realistic density (about 2,800 claims per MB) they would take about $(py "f'{$dense_claims/2800:,.0f}'") MB." > "$rows/0-dense"
fi

if want spread; then
  # Each size is a corpus of its own with 50 entities per MB, so an entity
  # has about the same claims (a few articles' worth) at every size: what
  # grows with the store here is the store, not the largest entity group.
  for smb in ${BENCH_SPREAD_MB:-6 60}; do
    sdir=$out/spread$smb
    sdb=$out/spread$smb.db
    entities=$((smb * 50))
    key="$smb 1 $entities"
    if ! [[ -f $sdir/.params && $(cat "$sdir/.params") == "$key" ]]; then
      rm -rf "$sdir" "$sdb" "$sdb"-* && mkdir -p "$sdir"
      python3 bench/gen_corpus.py --out "$sdir" --mb "$smb" --figures 1 --entities "$entities" >&2
      echo "$key" > "$sdir/.params"
    fi
    [[ -f $sdb ]] || "$bin" ingest --db "$sdb" --quiet --lexicon "$sdir/entities.tsv" "$sdir/articles.jsonl"
    spread_claims=$(stored_claims "$sdb")
    measure "spread$smb" bash -c "\"$bin\" check --db \"$sdb\" --format json > /dev/null; true"
    echo "| \`claims check\`, $spread_claims claims over $entities entities (\`gen_corpus.py --entities\`) | ${secs} s | | $((rss / 1024)) MB |" > "$rows/7-spread$(printf %04d "$smb")"
  done
fi

if want peer; then
  peer_dir=${BENCH_PEER_DIR:-$out/peer}
  slice=$out/peer-slice.jsonl
  # Whole articles from the realistic corpus, up to about BENCH_PEER_KB.
  python3 -c "
import sys
limit, n = $peer_kb * 1024, 0
with open('$slice', 'w', encoding='utf-8') as out:
    for line in open('$corpus/articles.jsonl', encoding='utf-8'):
        if n >= limit: break
        out.write(line); n += len(line.encode())"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Peer: skipped (node/npm not installed)." > "$rows/8-peer"
  elif ! [[ -d $peer_dir/node_modules/@microsoft/recognizers-text-number-with-unit ]] &&
       ! { mkdir -p "$peer_dir" && (cd "$peer_dir" && npm install --no-audit --no-fund --loglevel=error \
             @microsoft/recognizers-text-number@1.3.1 @microsoft/recognizers-text-number-with-unit@1.3.1 >&2); }; then
    echo "Peer: skipped (npm could not install @microsoft/recognizers-text-number-with-unit: no network?)." > "$rows/8-peer"
  else
    "$bin" extract --format jsonl - < "$slice" > "$out/peer-claims.jsonl"
    # One pass over the slice takes about 0.01 s, the resolution of
    # /usr/bin/time: time twenty passes and take a twentieth.
    for _ in $(seq 20); do cat "$slice"; done > "$out/peer-slice20.jsonl"
    measure peer-claims "$bin" extract --format jsonl - < "$out/peer-slice20.jsonl" > /dev/null
    ours_s=$(python3 -c "print($secs / 20)")
    ours_n=$(wc -l < "$out/peer-claims.jsonl")
    ours_units=$(python3 -c "
import collections, json
c = collections.Counter(json.loads(l)['dimension'] for l in open('$out/peer-claims.jsonl', encoding='utf-8'))
print(', '.join(f'{k} {v}' for k, v in c.most_common()))")
    NODE_PATH=$(cd "$peer_dir" && pwd)/node_modules node bench/peer.js "$slice" > "$out/peer.json"
    python3 - "$out/peer.json" "$ours_s" "$ours_n" "$ours_units" > "$rows/8-peer" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
ours_s, ours_n, ours_units = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
mb = p["bytes"] / 1048576
peer_mbps = mb / p["parse_seconds"]
ours_mbps = mb / max(ours_s, 0.0001)
counts = ", ".join(f"{k} {v}" for k, v in p["counts"].items())
print(f"Peer, same slice ({p['articles']} articles, {p['bytes'] / 1024:.0f} KB of text): "
      f"Microsoft Recognizers-Text 1.3.1 (zh-cn; number, percentage, currency, dimension, temperature and age "
      f"models, one paragraph per call) {p['parse_seconds']:.1f} s in parse() ({peer_mbps:.4f} MB/s; models built "
      f"in {p['init_seconds']:.1f} s, not counted); `claims extract` {ours_s:.3f} s wall (the mean of 20 passes in one run) "
      f"({ours_mbps:.1f} MB/s): **{ours_mbps / peer_mbps:,.0f}x** the peer's throughput.")
print()
print(f"Entities found on the slice (counts, not a quality comparison: the peer's number model also "
      f"reports years, dates and model-name digits, and its models overlap): peer {counts}; "
      f"claims extract {ours_n} claims ({ours_units}).")
PY
  fi
fi

seeds=../shared/corpus/seeds
seeds_line="Seed articles (../shared/corpus/seeds): not on this machine."
if [[ -d $seeds ]] && ls "$seeds"/*.txt >/dev/null 2>&1; then
  seed_claims=$("$bin" extract --format tsv "$seeds"/*.txt 2>/dev/null | grep -vc '^path	' || true)
  seed_bytes=$(cat "$seeds"/*.txt | wc -c)
  seeds_line="Seed articles (../shared/corpus/seeds, $(ls "$seeds"/*.txt | wc -l) real articles): $(density "$seed_bytes" "$seed_claims") claims per MB."
fi

{
  echo "# Benchmark results"
  echo
  echo "Corpus: $(py "f'{$bytes/1048576:.0f}'") MB generated by \`bench/gen_corpus.py --figures $figures\` from fixtures/ ($articles articles)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(. /etc/os-release; echo "$PRETTY_NAME"). Command: \`bash bench/run.sh $mb\`. Date: $(date -u +%Y-%m-%d)."
  echo
  cat "$rows"/0-* 2>/dev/null || true
  echo "$seeds_line"
  echo
  echo "| run | time | throughput | peak RSS |"
  echo "|---|---|---|---|"
  cat "$rows"/[1-7]-* 2>/dev/null || true
  echo
  cat "$rows"/9-* 2>/dev/null || true
  if [[ -f $rows/8-peer ]]; then echo; cat "$rows/8-peer"; fi
} > bench/results.md
cat bench/results.md
