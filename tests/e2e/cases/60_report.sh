# claims report / ci / baseline on a small corpus written here (our own
# sentences). `claims ci` does the ingesting, so this case needs only the
# ingest and check libraries. One article's file name carries markup.
r60="$work/r60"
mkdir -p "$r60/articles"
printf '# 英伟达年报速读\n\n2024-03-20\n\n英伟达2023年营收为609亿美元，同比增长126%%。\n' >"$r60/articles/a.md"
printf '# 英伟达点评\n\n2024-03-21\n\n据估算，英伟达2023年营收约为610亿美元。\n' >"$r60/articles/b <img src=x onerror=alert(1)>.md"
db60=(--db "$r60/claims.db")

expect 2 'needs the articles' -- "$bin" ci "${db60[@]}"
expect 2 '--fail-on must be' -- "$bin" ci "${db60[@]}" --fail-on fatal "$r60/articles"
expect 3 'cannot read' -- "$bin" ci "${db60[@]}" --baseline "$r60/missing.json" "$r60/articles"
expect 0 '2 articles checked, 0 findings' -- "$bin" ci "${db60[@]}" "$r60/articles"

# A new article with a slipped decimal point.
printf '# 新稿\n\n2024-03-22\n\n英伟达2023年营收为6.09亿美元。\n' >"$r60/articles/c.md"
expect 1 'magnitude-slip' -- "$bin" ci "${db60[@]}" "$r60/articles/c.md"
expect 1 '"version":"2\.1\.0"' -- "$bin" ci "${db60[@]}" --format sarif "$r60/articles/c.md"
expect 1 '^::warning file=.*c\.md,line=5,title=magnitude-slip::' -- "$bin" ci "${db60[@]}" --format github "$r60/articles/c.md"
expect 1 '<testcase classname="claims" name=".*c\.md">' -- "$bin" ci "${db60[@]}" --format junit "$r60/articles/c.md"
expect 0 '1 new \(0 at or above error\)' -- "$bin" ci "${db60[@]}" --fail-on error "$r60/articles/c.md"

# The editors' report: one card, the number marked, the file name escaped.
expect 0 'report with 1 findings written' -- "$bin" report "${db60[@]}" -o "$r60/report.html"
expect 0 '<mark class="claim">6\.09亿美元</mark>' -- cat "$r60/report.html"
expect 0 'b &lt;img src=x onerror=alert\(1\)&gt;\.md' -- cat "$r60/report.html"
expect 0 '^2$' -- grep -c '<script' "$r60/report.html"
expect 0 '^# Numeric consistency report' -- "$bin" report "${db60[@]}" --format md --lang en
expect 2 '--lang must be zh or en' -- "$bin" report "${db60[@]}" --lang fr
expect 3 '' -- "$bin" report --db "$r60/none.db"

# Accept the finding: CI passes; prune keeps it while it still occurs.
expect 0 'baseline .*: 1 findings recorded' -- "$bin" baseline "${db60[@]}" -o "$r60/base.json"
expect 0 '1 in the baseline, 0 new' -- "$bin" ci "${db60[@]}" --baseline "$r60/base.json" "$r60/articles/c.md"
expect 0 'pruned 0 entries, kept 1' -- "$bin" baseline "${db60[@]}" --prune -o "$r60/base.json"
expect 3 'cannot read' -- "$bin" baseline "${db60[@]}" --prune -o "$r60/none.json"
