# Hostile input, end to end: sizes, shapes and file-system oddities an
# article corpus can throw at claims. Each check says what must hold; the
# figures behind them are in docs/reliability.md.
#
# Sizes (.ci/test sets smaller ones for its ASan build): CLAIMS_HOSTILE_BIG_MB
# (default 64) the streamed file, CLAIMS_HOSTILE_LINE_MB (100) the single
# line, CLAIMS_HOSTILE_CLAIMS (1000000) the claims in one article;
# CLAIMS_HOSTILE_RSS_KB (400000) bounds the stream's peak memory.
# docs/reliability.md records the run with a 1 GB stream.
mkdir -p "$work/h80" && cd "$work/h80"
h80_big_mb=${CLAIMS_HOSTILE_BIG_MB:-64}
h80_time=""
[[ -x /usr/bin/time ]] && h80_time=/usr/bin/time

# h80_rss_ok LIMIT_KB FILE: the "%M" figure /usr/bin/time wrote to FILE is
# under LIMIT_KB (passes when /usr/bin/time is missing: nothing measured).
h80_rss_ok() {
  [[ -z $h80_time ]] && return 0
  local kb
  kb=$(tail -1 "$2")
  [[ $kb =~ ^[0-9]+$ ]] && ((kb < $1)) || { echo "RSS $kb KB, limit $1 KB"; return 1; }
}
h80_check() {  # h80_check NAME COMMAND...: a pass when COMMAND succeeds
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

# A big file streamed through stdin: every claim comes out, the memory stays
# that of one block however big the stream.
python3 -c '
import sys
line = ("样本营收5.5亿元，同比增长3%，" + "文字" * 20 + "\n").encode()
chunk = line * 10000
for _ in range((int(sys.argv[1]) << 20) // len(chunk)): sys.stdout.buffer.write(chunk)
' "$h80_big_mb" >big.txt
h80_lines=$(wc -l <big.txt)
h80_stream() {
  local got
  got=$(${h80_time:+$h80_time -f %M -o big.rss} "$bin" extract --format tsv - <big.txt | tail -n +2 | wc -l)
  [[ $got -eq $((h80_lines * 2)) ]] || { echo "$got claims from $h80_lines lines, want 2 per line"; return 1; }
  h80_rss_ok "${CLAIMS_HOSTILE_RSS_KB:-400000}" big.rss  # ASan's quarantine and shadow need more
}
h80_check "a ${h80_big_mb} MB stream: every claim, bounded memory" h80_stream
rm -f big.txt

# The same stream as one line without any line end: blocks are cut after a
# full stop or comma, never inside a character, so every claim still comes out.
python3 -c 'import sys; sys.stdout.write("样本营收5.5亿元，同比增长3%，" * 1200000)' >oneline.txt
h80_oneline() {
  local got
  got=$("$bin" extract --format tsv - <oneline.txt | tail -n +2 | wc -l)
  [[ $got -eq 2400000 ]] || { echo "$got claims from a one-line stream, want 2400000"; return 1; }
}
h80_check "a 40 MB stream on one line" h80_oneline
rm -f oneline.txt

# A 100 MB single line in a file (read whole): every claim, memory linear.
h80_line_mb=${CLAIMS_HOSTILE_LINE_MB:-100}
h80_units=$(python3 -c '
import sys
unit = ("营收5亿美元，" + "数据" * 490 + "，").encode()
n = (int(sys.argv[1]) << 20) // len(unit)
open("line.txt", "wb").write(unit * n)
print(n)
' "$h80_line_mb")
h80_line() {
  local got
  got=$(${h80_time:+$h80_time -f %M -o line.rss} "$bin" extract --format tsv line.txt | tail -n +2 | wc -l)
  [[ $got -eq $h80_units ]] || { echo "$got claims, want $h80_units"; return 1; }
  h80_rss_ok $((h80_line_mb * 1024 * 8 + 200000)) line.rss
}
h80_check "a ${h80_line_mb} MB single line" h80_line
rm -f line.txt

# A 32 MB article full of names, and one 老黄的公司 that makes the context
# read the whole article for who runs which company: memory stays a few times
# the text (a token list of the article took 12 times its size).
python3 -c '
s = "老黄的公司市值约3万亿美元。" + "英伟达CEO黄仁勋与AMD CEO苏姿丰同台。" * 680000
open("names.txt", "w").write(s)
'
h80_names() {
  local got
  got=$(${h80_time:+$h80_time -f %M -o names.rss} "$bin" extract --format tsv names.txt | tail -n +2 | cut -f15)
  [[ $got == 英伟达 ]] || { echo "entity '$got', want 英伟达"; return 1; }
  h80_rss_ok $((32 * 1024 * 5 + 200000)) names.rss
}
h80_check "a 32 MB article of names, read for a person's company" h80_names
rm -f names.txt

# Numbers of 100,000 digits and runs of 亿 are not quantities: no claim, no
# crash, and the real figure beside them still comes out.
python3 -c 'print("营收" + "7" * 100000 + "亿元，另一家营收5亿元。")' >digits.txt
expect 0 '^1	5亿元$' -- bash -c "\"$bin\" extract --format tsv digits.txt | tail -n +2 | cut -f5 | sort | uniq -c | sed 's/^ *//; s/ /\t/'"
python3 -c 'print("营收5" + "亿" * 20000 + "元，另一家营收3亿元。亿亿亿亿亿亿。")' >yi.txt
expect 0 '^1	3亿元$' -- bash -c "\"$bin\" extract --format tsv yi.txt | tail -n +2 | cut -f5 | sort | uniq -c | sed 's/^ *//; s/ /\t/'"

# A million claims in one article (CLAIMS_HOSTILE_CLAIMS): extracted, stored
# as one article, counted.
h80_claims=${CLAIMS_HOSTILE_CLAIMS:-1000000}
python3 -c 'import sys; sys.stdout.write("第一季度营收增长1%，" * int(sys.argv[1]))' "$h80_claims" >million.txt
h80_grouped=$(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$h80_claims")  # as claims prints counts
expect 0 "^$h80_claims\$" -- bash -c "\"$bin\" extract --format tsv million.txt | tail -n +2 | wc -l"
expect 0 "ingested 1 article .*, $h80_grouped claims" -- "$bin" ingest --db million.db million.txt
expect 0 "claims +$h80_grouped\$" -- "$bin" stats --db million.db
rm -f million.txt million.db*

# CRLF and lone CR line ends: lines are counted as an editor shows them.
printf '标题\r\n营收5亿美元\r\n\r\n增长3%%\r\n' >crlf.txt
printf '标题\r营收5亿美元\r\r增长3%%\r' >cr.txt
printf '标题\r\n营收5亿美元\r\r\n增长3%%\n\r利润2亿元' >mixed.txt
expect 0 '^2,4$' -- bash -c "\"$bin\" extract --format tsv crlf.txt | tail -n +2 | cut -f4 | paste -sd,"
expect 0 '^2,4$' -- bash -c "\"$bin\" extract --format tsv cr.txt | tail -n +2 | cut -f4 | paste -sd,"
expect 0 '^2,4,6$' -- bash -c "\"$bin\" extract --format tsv mixed.txt | tail -n +2 | cut -f4 | paste -sd,"
expect 0 '^2,4$' -- bash -c "\"$bin\" extract --format tsv - <cr.txt | tail -n +2 | cut -f4 | paste -sd,"

# An empty directory is no error and no article; a directory named as a file is.
mkdir -p empty
expect 0 'ingested 0 articles' -- "$bin" ingest --db empty.db empty
expect 3 'empty: is a directory' -- "$bin" extract empty

# File names with spaces and Chinese characters: kept exactly, everywhere.
mkdir -p "新闻 稿"
printf '营收5亿美元。\n' >"新闻 稿/第 1 篇 文章.txt"
expect 0 '"path":"新闻 稿/第 1 篇 文章.txt"' -- "$bin" extract "新闻 稿/第 1 篇 文章.txt"
expect 0 '1 article' -- "$bin" ingest --db names.db "新闻 稿"
expect 0 '^新闻 稿/第 1 篇 文章.txt,' -- bash -c "\"$bin\" export --db names.db --what articles --format csv | tail -n +2"
expect 0 '^新闻 稿/第 1 篇 文章.txt$' -- bash -c "\"$bin\" forget --db names.db '新闻 稿/第 1 篇 文章.txt' >/dev/null && \"$bin\" ingest --db names.db './新闻 稿/' >/dev/null && \"$bin\" export --db names.db --what articles --format csv | tail -n +2 | cut -d, -f1"

# Symlink loops, dangling links and FIFOs in a walked directory: the walk
# ends, the real article is stored once (the link to it is a duplicate),
# nothing hangs. Named explicitly, a loop or a dangling link is an error
# naming the file; the rest still goes in.
mkdir -p links/sub
printf '营收5亿美元。\n' >links/real.txt
ln -s loop.txt links/loop.txt
ln -s nowhere.txt links/dangling.txt
ln -s .. links/sub/up
ln -s ../real.txt links/sub/again.txt
mkfifo links/pipe.txt 2>/dev/null || true
expect 0 'ingested 1 article .*, 1 claim, 0 unchanged, 1 duplicate$' -- timeout 60 "$bin" ingest --db links.db links
expect 3 'loop.txt: .*Too many levels of symbolic links' -- timeout 60 "$bin" ingest --db links2.db links/loop.txt links/real.txt
expect 3 'dangling.txt: .*No such file' -- "$bin" extract links/dangling.txt links/real.txt

# An unreadable file is an error naming it; the rest still goes in. Root
# reads anything, so as root the check runs as nobody when setpriv can.
mkdir -p locked
printf '营收5亿美元。\n' >locked/open.txt
printf '营收6亿美元。\n' >locked/shut.txt
chmod 000 locked/shut.txt
if [[ $(id -u) -ne 0 ]]; then
  expect 3 'shut.txt: .*Permission denied' -- "$bin" ingest --db locked.db locked
elif command -v setpriv >/dev/null && chmod 755 "$work" "$work/h80" && chmod 777 locked &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --version >/dev/null 2>&1; then
  expect 3 'shut.txt: .*Permission denied' -- setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" ingest --db locked/n.db locked
else
  echo "skip: unreadable files (running as root without a usable setpriv)"
fi
cd "$work"
