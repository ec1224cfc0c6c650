# claims check: exit codes, text and JSON output; a verbatim copy is never
# flagged, a syndicated copy with one figure garbled is. Fixture text is
# generated here, never copied from a corpus.

check_article() {  # check_article FILE REVENUE SOURCE: one short company report
  printf '示例公司季度简报（%s）\n2024-03-19 10:00:00\n\n示例公司第三季度营收%s亿元，比去年同期增长12.5%%，市场反应较为平淡。\n公司员工总数约为3200人，其中研发人员约占四成。\n' "$3" "$2" >"$1"
}

cd "$work" && mkdir -p ck && cd ck
check_article a.txt 60.5 甲报
check_article b.txt 60.5 乙网
expect 3 'claims: ' -- "$bin" check --db missing.db
expect 0 'ingested 2 articles' -- "$bin" ingest a.txt b.txt
expect 0 'no findings$' -- "$bin" check
expect 0 '^\{"summary":\{"claims":[0-9]+,"groups_compared":[0-9]+,"consistent":[0-9]+,"findings":0\},"findings":\[\]\}$' -- "$bin" check --format json

# The garbled copy: same sentences, the revenue a decimal place off.
check_article c.txt 6.05 丙台
expect 0 'ingested 1 article' -- "$bin" ingest c.txt
expect 1 '^error copy-mismatch \[[0-9a-f]{16}\]' -- "$bin" check
expect 1 '\*\*6\.05亿元\*\*' -- "$bin" check
expect 1 '"rule":"copy-mismatch","severity":"error"' -- "$bin" check --format json
expect 1 'expected: 60\.5亿元' -- "$bin" check --explain
expect 0 '^rule,family,severity' -- "$bin" export --what findings
expect 0 'copy-mismatch' -- "$bin" export --what findings
expect 0 'no findings' -- "$bin" check --rule value-conflict
expect 0 'no findings' -- "$bin" check --fail-on info --config /dev/null --rule share-over-100

# Usage and config errors.
expect 2 "no rule 'nope'" -- "$bin" check --rule nope
expect 2 'min-severity must be info, warning or error' -- "$bin" check --min-severity loud
expect 2 'format must be text or json' -- "$bin" check --format xml
printf '[tolerance]\napprox = lots\n' >bad.toml
expect 2 'bad.toml: config line 2: approx must be' -- "$bin" check --config bad.toml
expect 3 'claims: ' -- "$bin" check --config missing.toml
printf '[severity]\ncopy-mismatch = "info"\n' >quiet.toml
expect 0 '^info copy-mismatch' -- "$bin" check --config quiet.toml
expect 0 '1 finding below --min-severity warning not shown' -- "$bin" check --config quiet.toml --min-severity warning
expect 1 'info copy-mismatch' -- "$bin" check --config quiet.toml --fail-on info
expect 0 'usage: claims check' -- "$bin" help check
cd "$work"

# A copy that shifts one of two equal years in a sentence: the store keeps
# no sentence start for dates, so the second 2022年 must still be found at
# its own place, not at the first one.
cd "$work" && mkdir -p years && cd years
printf '行业回顾\n\n这一轮热潮始于2022年末、2023年初，示例公司的营收随之增长了约20%%。\n' > x.txt
printf '行业回顾\n\n这一轮热潮始于2022年末、2022年初，示例公司的营收随之增长了约20%%。\n' > y.txt
expect 0 'ingested 2 articles' -- "$bin" ingest x.txt y.txt
expect 1 '^warning period-shift .*' -- "$bin" check
expect 1 '「2023年」 \(x\.txt:3, 2023\) in one copy and 「2022年」 \(y\.txt:3, 2022\)' -- "$bin" check

# One figure written twice in a sentence is two claims: a copy that changes
# the second of "7倍 ... 4倍" into 7倍 is garbled, not a copy of the first.
cd "$work" && mkdir -p twice && cd twice
printf '芯片评测\n\n据厂商介绍，新款芯片的推理性能是上一代的7倍，训练速度是%s，能耗则下降了约三成。\n' 4倍 > x.txt
printf '芯片评测\n\n据厂商介绍，新款芯片的推理性能是上一代的7倍，训练速度是%s，能耗则下降了约三成。\n' 7倍 > y.txt
expect 0 'ingested 2 articles' -- "$bin" ingest x.txt y.txt
expect 1 'states 7倍 in y\.txt and 4倍 in x\.txt' -- "$bin" check
cd "$work"

# A reprint a year later reads the same 去年12月 as another year: the words
# were not changed, so the copies do not disagree. A copy that says 前年12月
# does (one finding, against the wording the other copies share).
cd "$work" && mkdir -p reprint && cd reprint
said='示例公司去年12月推出的新款服务器，在今年头两个月的出货量已经超过了上一代产品全年的水平。'
printf '服务器出货\n2024-03-19 10:00:00\n\n%s\n' "$said" > p.txt
printf '服务器出货（转载）\n2025-02-01 09:00:00\n\n%s\n' "$said" > q.txt
expect 0 'ingested 2 articles' -- "$bin" ingest p.txt q.txt
expect 0 'no findings$' -- "$bin" check --min-severity info
printf '服务器出货\n2024-03-19 10:00:00\n\n%s\n' "${said/去年/前年}" > r.txt
expect 0 'ingested 1 article' -- "$bin" ingest r.txt
expect 1 '「前年12月」 \(r\.txt:4, 2022\) in one copy and 「去年12月」 \((p|q)\.txt:4, 202[34]\)' -- "$bin" check
expect 1 ' 1 period shift$' -- "$bin" check --min-severity info
cd "$work"

# Monthly statistics on one template (found by feeding the checker reports
# on other subjects than the seeds): next month's release repeats the
# standing target word for word and words the breakdown alike with new
# figures. That is not a garbled copy; a copy that drops a digit still is.
cd "$work" && mkdir -p monthly && cd monthly
monthly() {  # monthly FILE DATE MONTH CARS ABROAD [HEADLINE]
  printf '示例车企%s月销量%s\n%s 17:00:00\n\n示例车企公告显示，%s月新能源汽车销量继续增长，再创新高。\n其中乘用车销量%s万辆，海外销量%s万辆，两项均创下公司单月销量的新高。\n此前公司定下的全年销量目标为400万辆以上，目前进展顺利。\n' \
    "$3" "${6:-}" "$2" "$3" "$4" "$5" > "$1"
}
monthly oct.txt 2024-11-01 10 50.06 3.13
monthly nov.txt 2024-12-01 11 50.45 3.19
monthly nov-reprint.txt 2024-12-01 11 50.45 3.19 （转载）
expect 0 'ingested 3 articles' -- "$bin" ingest oct.txt nov.txt nov-reprint.txt
expect 0 'no findings$' -- "$bin" check --min-severity info
# November's figures are now the most common, but the garbled copy is
# October's and is named against it (one copy each: either may come first).
monthly oct-copy.txt 2024-11-02 10 50.06 0.13
expect 0 'ingested 1 article' -- "$bin" ingest oct-copy.txt
expect 1 'states (0\.13万辆 in oct-copy\.txt and 3\.13万辆 in oct\.txt|3\.13万辆 in oct\.txt and 0\.13万辆 in oct-copy\.txt)' -- "$bin" check
expect 1 ' 1 conflict$' -- "$bin" check --min-severity info
cd "$work"

# The bundled corpus's planted findings that the quick start shows, among
# them H20's compute stated two ways in one article (a06_specs.txt).
cd "$work" && mkdir -p bundled && cd bundled
expect 0 'ingested 6 articles' -- "$bin" ingest --db b.db "$src/fixtures/corpus"
expect 1 '^warning value-conflict .*' -- "$bin" check --db b.db
expect 1 'H20 算力: 「15%」 \(.*a06_specs\.txt:6\).* vs 「80%左右」 \(.*a06_specs\.txt:5\)' -- "$bin" check --db b.db
expect 1 '^error copy-mismatch ' -- "$bin" check --db b.db
expect 1 '^warning quantifier-contradiction ' -- "$bin" check --db b.db
cd "$work"
