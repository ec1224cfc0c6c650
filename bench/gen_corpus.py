#!/usr/bin/env python3
"""Generates a benchmark corpus from the articles in fixtures/.

Each generated article is a dated byline over paragraphs of sentences: a
share of them (--figures, default 0.15) are fixture sentences with a figure,
their numbers varied so claims differ and the checker has real groups to
compare; the rest are figure-free prose from bench/filler.txt. The default
share gives about the claim density of the real articles in
../shared/corpus/seeds (2,000-3,000 claims per MB); --figures 1 gives a
claim-dense corpus (~18,000 claims per MB) for measuring the checker.
Output: OUT/files/NNN/xxxxx.txt and OUT/articles.jsonl, both holding the same
articles, about SIZE_MB in total each.

usage: gen_corpus.py --out DIR [--mb 200] [--seed 1] [--figures 0.15]
"""
import argparse
import glob
import json
import os
import random
import re

NUM = re.compile(r"\d+(?:\.\d+)?")


def sentences(root):
    out = []
    for path in sorted(glob.glob(os.path.join(root, "fixtures", "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                # Keep body sentences with a number; skip bylines and headings.
                if len(line) > 20 and NUM.search(line) and not re.match(r"^\d{4}-\d\d-\d\d", line):
                    out.append(line)
    return out


def filler(root):
    with open(os.path.join(root, "bench", "filler.txt"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def vary(sentence, rng):
    def repl(m):
        text = m.group(0)
        if len(text) == 4 and text.startswith(("19", "20")):
            return text  # years stay years
        if rng.random() < 0.7:
            return text  # most figures stay, so groups agree
        v = float(text) * rng.choice([0.5, 0.9, 1.1, 2, 10])
        return ("%.2f" % v).rstrip("0").rstrip(".") if "." in text else str(int(v))
    return NUM.sub(repl, sentence)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--figures", type=float, default=0.15,
                    help="share of sentences that carry figures (1: claim-dense)")
    args = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    pool = sentences(root)
    prose = filler(root)
    rng = random.Random(args.seed)
    target = int(args.mb * 1024 * 1024)
    os.makedirs(os.path.join(args.out, "files"), exist_ok=True)
    written = 0
    n = 0
    with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as jsonl:
        while written < target:
            date = "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
            def sentence():
                if rng.random() < args.figures:
                    return vary(rng.choice(pool), rng)
                return rng.choice(prose)
            paragraphs = rng.randint(8, 20) if args.figures < 1 else rng.randint(20, 60)
            per_paragraph = (1, 1) if args.figures >= 1 else (2, 6)
            body = "\n".join("".join(sentence() for _ in range(rng.randint(*per_paragraph)))
                             for _ in range(paragraphs))
            title = "基准文章%06d" % n
            text = "%s\n%s 08:00:00\n\n%s\n" % (title, date, body)
            d = os.path.join(args.out, "files", "%03d" % (n // 1000))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "%06d.txt" % n), "w", encoding="utf-8") as f:
                f.write(text)
            jsonl.write(json.dumps({"id": "a%06d" % n, "title": title, "date": date, "text": text},
                                   ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
            n += 1
    print("%d articles, %.1f MB" % (n, written / 1048576))


if __name__ == "__main__":
    main()
