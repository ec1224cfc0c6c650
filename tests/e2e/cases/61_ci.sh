# docs/ci.md tried end to end: a corpus repository made here with git, a
# committed baseline, and a branch adding articles; the job's script (the diff,
# `claims ingest`, `claims ci` with the baseline) decides the exit code.
r61="$work/r61"
if "$bin" ingest --help 2>&1 | grep -q 'not built yet'; then
  echo "skip 61_ci: 'claims ingest' is not built yet"
else
  mkdir -p "$r61/articles"
  git -C "$r61" init -q -b main
  git -C "$r61" config user.email ci@example.invalid
  git -C "$r61" config user.name ci
  printf '# 英伟达年报速读\n\n2024-03-20\n\n英伟达2023年营收为609亿美元，同比增长126%%。\n' >"$r61/articles/a.md"
  printf '# 英伟达点评\n\n2024-03-21\n\n据估算，英伟达2023年营收约为610亿美元。\n' >"$r61/articles/b.md"
  git -C "$r61" add -A && git -C "$r61" commit -qm corpus

  # The job's script from docs/ci.md, with the base branch and output format
  # as parameters; it runs in the repository like a CI checkout.
  job61() {  # job61 BASE FORMAT
    (
      cd "$r61" || exit 9
      mapfile -d '' changed < <(git diff -z --name-only --diff-filter=AMR "$1...HEAD" -- articles/)
      if ((${#changed[@]} == 0)); then echo "no article changed"; exit 0; fi
      baseline=()
      [[ -f .claims-baseline.json ]] && baseline=(--baseline .claims-baseline.json)
      "$bin" ingest articles/ >/dev/null 2>&1 || exit 3
      "$bin" ci "${baseline[@]}" --format "$2" "${changed[@]}"
    )
  }

  git -C "$r61" checkout -qb clean-change
  printf '# 英伟达展望\n\n2024-03-23\n\n英伟达2023年营收为609亿美元，市场预计今年继续增长。\n' >"$r61/articles/d 新稿.md"
  git -C "$r61" add -A && git -C "$r61" commit -qm "consistent article"
  expect 0 '1 articles checked, 0 findings' -- job61 main text

  git -C "$r61" checkout -qb slipped
  printf '# 快讯\n\n2024-03-24\n\n英伟达2023年营收为6.09亿美元。\n' >"$r61/articles/e 快讯.md"
  git -C "$r61" add -A && git -C "$r61" commit -qm "slipped decimal point"
  expect 1 '::warning file=articles/e 快讯\.md,line=5,title=magnitude-slip::' -- job61 clean-change github
  expect 1 '"uri":"articles/e%20%E5%BF%AB%E8%AE%AF\.md","uriBaseId":"SRCROOT"' -- job61 clean-change sarif
  expect 1 '<testcase classname="claims" name="articles/e 快讯\.md">' -- job61 clean-change junit

  # Accept it in the baseline: the same change passes.
  (cd "$r61" && "$bin" baseline -o .claims-baseline.json >/dev/null 2>&1)
  git -C "$r61" add .claims-baseline.json && git -C "$r61" commit -qm "accept"
  expect 0 '1 in the baseline, 0 new' -- job61 clean-change text
  expect 0 'no article changed' -- job61 HEAD text
fi
