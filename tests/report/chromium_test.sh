#!/usr/bin/env bash
# Renders the sample HTML report in headless Chromium and checks the DOM after
# the page's JS ran: three finding cards, highlighted numbers, the injected
# scripts never ran, and a URL filter (?severity=error) hides two cards.
# Saves a screenshot as OUTDIR/report.png. Exits 77 (skip) without chromium.
# usage: chromium_test.sh REPORT_SAMPLE_BIN OUTDIR
set -u
sample=$1 outdir=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "skip: chromium not installed (Debian package 'chromium')"
  exit 77
fi
mkdir -p "$outdir"
html="$outdir/report.html"
"$sample" --html "$html" || exit 1
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
run() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}
fail=0
check() {  # check NAME ACTUAL EXPECTED
  if [[ $2 == "$3" ]]; then echo "ok: $1 ($2)"; else echo "FAIL: $1: got '$2', want '$3'"; fail=1; fi
}
url="file://$html"
dom=$(run --dump-dom "$url")
check "finding cards" "$(grep -o '<article class="finding' <<<"$dom" | wc -l)" 3
check "highlighted number" "$(grep -c '<mark class="claim">60.5亿元</mark>' <<<"$dom")" 1
# The article's own text mentions data-pwned (escaped); the body must not carry it.
check "script in article text did not run" "$(grep -oE '<body[^>]*>' <<<"$dom" | grep -c 'data-pwned')" 0
check "escaped markup shown as text" "$(grep -c '&lt;script&gt;document.body' <<<"$dom")" 1
check "no script element from file names" "$(grep -o '<script' <<<"$dom" | wc -l)" 2
check "all cards shown" "$(grep -o 'data-shown="[0-9]*"' <<<"$dom")" 'data-shown="3"'

filtered=$(run --run-all-compositor-stages-before-draw --virtual-time-budget=2000 --dump-dom "$url?severity=error")
check "filter hides cards" "$(grep -oE '<article class="finding[^>]*hidden=""' <<<"$filtered" | wc -l)" 2
check "filter count" "$(grep -o 'data-shown="[0-9]*"' <<<"$filtered")" 'data-shown="1"'
by_article=$(run --run-all-compositor-stages-before-draw --virtual-time-budget=2000 --dump-dom \
  "$url#filter:article=news/c.txt")
check "article filter" "$(grep -o 'data-shown="[0-9]*"' <<<"$by_article")" 'data-shown="1"'

rm -f "$outdir/report.png"
run --screenshot="$outdir/report.png" --window-size=1280,2000 "$url" >/dev/null
if [[ -s $outdir/report.png ]]; then echo "ok: screenshot $outdir/report.png"; else echo "FAIL: no screenshot"; fail=1; fi
exit $fail
