#!/usr/bin/env python3
"""Builds the fuzzers' seed corpora from the repository's fixtures.

Usage: seeds.py SOURCE_DIR OUT_DIR  ->  OUT_DIR/{number,extract,article,store}/

Nothing is copied into the repository: the seeds are derived at build time
from fixtures/ (articles, their lines, the numerals in them, the articles
as JSONL records) plus the regression inputs kept in fixtures/fuzz/<target>/.
"""
import hashlib
import json
import pathlib
import re
import sys

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
targets = ("number", "extract", "article", "store")
seeds = {t: set() for t in targets}

articles = sorted(p for p in (src / "fixtures").rglob("*.txt") if "fuzz" not in p.parts)
numeral = re.compile(r"[0-9.,％%零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几余多]+")
for path in articles:
    data = path.read_bytes()
    text = data.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    for t in ("extract", "store", "article"):
        seeds[t].add(data)
    for line in lines:
        seeds["extract"].add(line.encode())
        seeds["number"].update(m.encode() for m in numeral.findall(line) if any(c not in ".,%％" for c in m))
    seeds["store"].update(l.encode() for l in lines[:40])
    seeds["article"].add(json.dumps({"id": path.stem, "title": lines[0] if lines else "", "date": "2024-01-22",
                                     "url": "https://example.com/" + path.stem, "text": text},
                                    ensure_ascii=path.stem[0] < "m").encode())
    seeds["article"].add("\n".join(lines[:10]).encode())

for t in targets:
    regress = src / "fixtures" / "fuzz" / t
    if regress.is_dir():
        seeds[t].update(p.read_bytes() for p in regress.iterdir() if p.is_file())
    d = out / t
    d.mkdir(parents=True, exist_ok=True)
    for data in seeds[t]:
        (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{t}: {len(seeds[t])} seeds in {d}")
