#!/usr/bin/env bash
# Runs the fuzz targets one after another (one process each: the machine is
# shared) and prints one summary line per target.
# Usage: bash fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET=600] [TARGET...]
#   BUILD_DIR was configured with CC=clang CXX=clang++ -DCLAIMS_FUZZ=ON.
# Work files go to BUILD_DIR/fuzz/{corpus,artifacts,logs}/<target>/; a crash
# leaves its input in artifacts/<target>/ (copy it to fixtures/fuzz/<target>/).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-600}
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
((${#targets[@]})) || targets=(number extract article store)
declare -A dict=([number]=number [extract]=extract [article]=article [store]=extract)

ninja -C "$build" fuzz_seeds "${targets[@]/#/fuzz_}" >/dev/null
for t in "${targets[@]}"; do
  out=$build/fuzz
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t" "$out/logs/$t"
  start=$(date +%s)
  (cd "$out/logs/$t" && rm -f fuzz-0.log &&
   "$build/fuzz/fuzz_$t" -jobs=1 -workers=1 -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
     -print_final_stats=1 -dict="$src/fuzz/${dict[$t]}.dict" -artifact_prefix="$out/artifacts/$t/" \
     "$out/corpus/$t" "$out/seeds/$t" >/dev/null 2>&1 || true)
  elapsed=$(($(date +%s) - start))
  log=$out/logs/$t/fuzz-0.log
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(find "$out/artifacts/$t" -type f | wc -l)
  echo "$t: ${execs:-?} executions in ${elapsed}s; last: ${last:-none}; artifacts: $crashes"
done
