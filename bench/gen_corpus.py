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

--entities N spreads the claims over N made-up companies instead of the
fixtures' few dozen: each article is about one of them (chosen at random),
and every entity the fixture sentences name (company, product, market,
person) becomes that company (a product its product line), so the claims of one entity stay about
SIZE_MB / N of text however large the corpus grows. The names are Latin
syllables the lexicon does not know; OUT/entities.tsv lists them for
`claims ingest --lexicon OUT/entities.tsv`.

usage: gen_corpus.py --out DIR [--mb 200] [--seed 1] [--figures 0.15] [--entities N]
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


def aliases(root, types=("company", "product", "market", "person")):
    """The lexicon's entity aliases of the given types, longest first."""
    out = []
    with open(os.path.join(root, "units", "entities.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 3 or cols[2] not in types:
                continue
            out.append(cols[0])
    return sorted(set(out), key=len, reverse=True)


def made_up_name(k):
    """Company k's name: three Latin syllables, never a lexicon word."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    n = len(syllables)
    name = syllables[k % n] + syllables[(k // n) % n] + syllables[(k // n // n) % n]
    return name.capitalize()


class Spread:
    """Rewrites a fixture sentence's entities into its article's company."""

    def __init__(self, root, count):
        self.count = count
        # Aliases are matched in Simplified script; a Traditional sentence
        # (寒武紀) would keep its entity, one group growing with the corpus.
        self.pattern = re.compile("|".join(re.escape(a) for a in aliases(root)), re.IGNORECASE)
        self.products = {a.upper() for a in aliases(root, ("product",))}

    @staticmethod
    def simplified(sentence):
        """True when the sentence is in Simplified script (GB2312 has no Traditional forms)."""
        try:
            sentence.encode("gb2312")
            return True
        except UnicodeEncodeError:
            return False

    def rewrite(self, sentence, k):
        company = made_up_name(k)
        def repl(m):
            return company + "X" if m.group(0).upper() in self.products else company
        return self.pattern.sub(repl, sentence)

    def lexicon(self):
        rows = ["# entity alias canonical type: made up by gen_corpus.py --entities"]
        for k in range(self.count):
            name = made_up_name(k)
            rows.append("entity\t%s\t%s\tcompany" % (name, name))
            rows.append("entity\t%sX\t%sX\tproduct" % (name, name))
        return "\n".join(rows) + "\n"


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
    ap.add_argument("--entities", type=int, default=0,
                    help="spread the claims over this many made-up companies (0: the fixtures' own)")
    args = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    pool = sentences(root)
    prose = filler(root)
    rng = random.Random(args.seed)
    spread = Spread(root, args.entities) if args.entities > 0 else None
    if spread:
        pool = [s for s in pool if spread.simplified(s)]
    target = int(args.mb * 1024 * 1024)
    os.makedirs(os.path.join(args.out, "files"), exist_ok=True)
    written = 0
    n = 0
    with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as jsonl:
        while written < target:
            date = "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
            # Drawn only when spreading, so the default corpus stays the same.
            subject = rng.randrange(args.entities) if spread else 0
            def sentence():
                if rng.random() < args.figures:
                    text = vary(rng.choice(pool), rng)
                    return spread.rewrite(text, subject) if spread else text
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
    if spread:
        with open(os.path.join(args.out, "entities.tsv"), "w", encoding="utf-8") as f:
            f.write(spread.lexicon())
    print("%d articles, %.1f MB" % (n, written / 1048576))


if __name__ == "__main__":
    main()
