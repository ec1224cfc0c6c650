# claims extract: formats, stdin, and what happens to bad input.
fx="$src/fixtures/extract"
expect 0 '"value_lo":"6050000000"' -- "$bin" extract "$fx/quarterly_results.txt"
expect 0 'surface\s+value' -- "$bin" extract --format table "$fx/chip_specs.txt"
expect 0 '^path	byte_start' -- "$bin" extract --format tsv "$fx/chip_specs.txt"
expect 2 "format must be jsonl, tsv, table or records" -- "$bin" extract --format xml "$fx/chip_specs.txt"
expect 2 "extract needs FILE" -- "$bin" extract

# Empty file: no claims, no error.
: > empty.txt
expect 0 '^$' -- "$bin" extract empty.txt

# Invalid UTF-8: named with the byte offset, skipped; the other file still comes out; exit 3.
printf '营收5亿美元\n\xff\xfe坏\n' > bad.txt
expect 3 'bad.txt: invalid UTF-8 at byte 17$' -- "$bin" extract bad.txt "$fx/quarterly_results.txt"
expect 3 '"surface":"60.5亿美元"' -- "$bin" extract bad.txt "$fx/quarterly_results.txt"

# Binary and other encodings.
printf 'ELF\0\0\0binary' > blob.bin
expect 3 'blob.bin: binary data \(NUL byte at byte 3\)' -- "$bin" extract blob.bin
if command -v iconv >/dev/null; then
  iconv -f UTF-8 -t GB18030 "$fx/quarterly_results.txt" > gb.txt
  expect 3 'gb.txt: invalid UTF-8 at byte [0-9]+ \(looks like GB18030' -- "$bin" extract gb.txt
  iconv -f UTF-8 -t BIG5 "$fx/traditional_fullwidth.txt" > big5.txt 2>/dev/null || true
  [[ -s big5.txt ]] && expect 3 'big5.txt: invalid UTF-8 at byte [0-9]+ \(looks like Big5' -- "$bin" extract big5.txt
fi
expect 3 'missing.txt: ' -- "$bin" extract missing.txt

# stdin: a JSONL article stream (ids become paths), or plain text.
printf '{"id":"s1","date":"2024-01-22","text":"营收增长2%%。"}\n{"id":"s2","text":"市值1.47万亿美元"}\n' > stream.jsonl
expect 0 '"path":"s2".*"value_lo":"1470000000000"' -- bash -c "\"$bin\" extract - < stream.jsonl"
expect 0 '"path":"-".*"surface":"4TB/s"' -- bash -c "echo '带宽4TB/s' | \"$bin\" extract -"
printf '{"id":"x","text":"broken" "y"}\n' > broken.jsonl
expect 3 'line 1: expected' -- bash -c "\"$bin\" extract - < broken.jsonl"
# Bad bytes in a text stop the stream at their line and byte, after the
# lines before it, even where a NUL comes first; a NUL alone skips its line.
printf '{"id":"s1","text":"营收5亿元"}\n{"id":"s2","text":"营收\xff5亿"}\n{"id":"s3","text":"6亿元"}\n' > badutf8.jsonl
expect 3 '^claims: -: line 2: invalid UTF-8 at byte 25$' -- bash -c "\"$bin\" extract - < badutf8.jsonl"
expect 3 '"path":"s1"' -- bash -c "\"$bin\" extract - < badutf8.jsonl"
expect 0 '^1$' -- bash -c "\"$bin\" extract - < badutf8.jsonl 2>/dev/null | wc -l"
printf '{"text":"a\\u0000\xe4\xb8"}\n' > nulbad.jsonl
expect 3 '^claims: -: line 1: invalid UTF-8 at byte 16$' -- bash -c "\"$bin\" extract - < nulbad.jsonl"
printf '{"id":"n1","text":"a\\u0000b"}\n{"id":"n2","text":"6亿元"}\n' > nul.jsonl
expect 3 '^claims: -:1: binary data \(NUL byte at byte 1\)$' -- bash -c "\"$bin\" extract - < nul.jsonl"
expect 3 '"path":"n2"' -- bash -c "\"$bin\" extract - < nul.jsonl"

# A 50 MB single line (a claim every ~1 KB, no full stop anywhere): every
# claim found, sentences narrowed to a window, time and memory linear.
python3 -c "import sys; sys.stdout.write(('营收5亿美元,' + '数据' * 170 + ',') * 50000)" > long.txt
expect 0 '^50000$' -- bash -c "\"$bin\" extract --format tsv long.txt | tail -n +2 | wc -l"
