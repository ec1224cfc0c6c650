#!/usr/bin/env bash
# End-to-end checks of the claims binary: each case runs one command in a
# scratch directory and checks its exit code and a line of its output.
set -u
bin=${CLAIMS_BIN:?}
src=${CLAIMS_SOURCE_DIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
pass=0 fail=0
# expect CODE PATTERN -- CMD...: CMD exits CODE and its stdout+stderr matches PATTERN.
expect() {
  local code=$1 pattern=$2; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [[ $rc -eq $code ]] && grep -qE -- "$pattern" <<<"$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'FAIL: %s\n  want exit %s and /%s/, got exit %s:\n%s\n' "$*" "$code" "$pattern" "$rc" "$(head -20 <<<"$out")"
  fi
}
# The case files named as arguments (ctest runs one per test, in parallel),
# or every case file.
if [[ $# -gt 0 ]]; then cases=("$@"); else cases=("$src"/tests/e2e/cases/*.sh); fi
for f in "${cases[@]}"; do
  [[ -e $f ]] || continue
  # shellcheck source=/dev/null
  source "$f"
done
echo "e2e${1:+ $(basename "$1")}: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
