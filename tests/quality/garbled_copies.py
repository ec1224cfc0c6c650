#!/usr/bin/env python3
"""Garbled syndicated copies of whole articles: is the garbled figure found?

For every claim of every article in the given directories whose surface has
digits or 万/亿, each garbling that applies (a digit dropped, 万亿/亿/万
slipped, the decimal point moved one place, a percentage raised by 10, the
last digit changed) is made in a copy of the article. The copy also differs
the way syndicated copies do, one shape per copy in turn: a credit line
before it, another headline, its last paragraph cut, two paragraphs run
together, its other digits in full width, a third article beside it that
runs the original unchanged under another credit line (the two originals
must never be flagged against each other), or (--fold-table) the whole copy
in Traditional script. The articles are ingested into a fresh store and
checked. Two things must hold for every garbled copy:
  - a finding at warning or above names the garbled claim (its path and
    byte offset in the copy);
  - no other finding at warning or above appears that the original and an
    identical copy do not already give (read alike: paths, line numbers and
    the list of other copies dropped, full-width and Traditional folded, so
    a finding the original has, repeated for the copy, is not new).
Each shape is also made without a garbling, and must add nothing; so must a
Traditional-script copy (NAME.hant.txt beside NAME.txt, written by hand),
which is garbled like the others. With --together, all the articles of a
directory checked together must raise nothing at warning or above (several
articles on one event that legitimately differ).

Exit 0 when all of that holds, 1 otherwise (a list of what failed), 77
(skip) when no directory exists.

  garbled_copies.py CLAIMS_BIN [--every N] [--together] [--fold-table INC] DIR...

--fold-table names the build's generated/fold_table.inc: copies in
Traditional script (the whole article) join the shapes, and findings are
read alike across scripts.

--every N keeps every Nth garbled copy and every Nth unchanged copy of a
directory (the first, the N+1th, ...): a deterministic sample for slow
(sanitizer) builds.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

CREDIT = "转载自某网站\n\n"
OTHER_CREDIT = "来源：某报\n\n"  # a third article: the original as another site ran it
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def garblings(surface):
    out = []
    for old, new in (("万亿", "亿"), ("亿", "万"), ("万", "亿"), ("億", "萬"), ("萬", "億")):
        if old in surface:
            out.append(("magnitude", surface.replace(old, new, 1)))
            break
    m = re.search(r"\d+(\.\d+)?", surface)
    if not m:
        return out
    num = m.group(0)
    digits = [i for i, c in enumerate(num) if c.isdigit()]
    if len(digits) >= 2:
        i = digits[-1] if "." in num else digits[1]
        dropped = num[:i] + num[i + 1:]
        # 1505.60 -> 1505.6 is the same figure, not a garbled one.
        if not dropped.startswith(".") and not dropped.endswith(".") and float(dropped) != float(num):
            out.append(("digit", surface.replace(num, dropped, 1)))
    if "." in num:
        whole, frac = num.split(".")
        moved = whole + frac[0] + ("." + frac[1:] if len(frac) > 1 else "")
        out.append(("point", surface.replace(num, moved, 1)))
    if "%" in surface:
        whole, _, frac = num.partition(".")
        out.append(("percent", surface.replace(num, str(int(whole) + 10) + ("." + frac if frac else ""), 1)))
    # A digit misread or mistyped: the last one, so 4倍 becomes 7倍 and
    # 59.31 becomes 59.34.
    last = digits[-1]
    changed = num[:last] + str((int(num[last]) + 3) % 10) + num[last + 1:]
    if not changed.startswith("0") or changed.startswith("0."):
        out.append(("changed", surface.replace(num, changed, 1)))
    return out


# Copy shapes. Each takes the text before the garbled figure, the figure and
# the text after it, and returns the three as the copy has them (or None when
# the shape does not apply, e.g. the headline holds the figure).
def credit(before, fig, after):
    return CREDIT + before, fig, after


def headline(before, fig, after):
    head, nl, rest = before.partition("\n")
    if not nl:
        return None
    return "今日财经要闻（转载）\n" + rest, fig, after


def cut(before, fig, after):
    body = after.rstrip("\n")
    end = body.rfind("\n")
    if end < 0 or not body[:end].strip():
        return None
    return before, fig, body[:end] + "\n"


def reflow(before, fig, after):
    # The first two body paragraphs run together; failing that, a line broken
    # after a sentence inside the figure's paragraph.
    start = before.find("\n\n")
    if start < 0:
        return None
    for side in ("before", "after"):
        text = before if side == "before" else after
        at = text.find("。\n", start + 2 if side == "before" else 0)
        if at >= 0 and text[at + 2:].strip():
            text = text[: at + 1] + text[at + 2:]
            return (text, fig, after) if side == "before" else (before, fig, text)
    return None


def fullwidth(before, fig, after):
    return before.translate(FULL), fig, after.translate(FULL)


SHAPES = [("credit", credit), ("headline", headline), ("cut", cut), ("reflow", reflow),
          ("fullwidth", fullwidth), ("triple", credit)]

# Traditional script, from the checker's own fold table (--fold-table): each
# Simplified character becomes one Traditional character that folds to it.
TO_HANT, TO_HANS = {}, {}


def load_fold_table(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\{0x([0-9A-F]+), "((?:\\x[0-9A-F]{2})*)", true\}', line)
            if not m:
                continue
            to = bytes(int(h, 16) for h in re.findall(r"\\x([0-9A-F]{2})", m.group(2))).decode()
            TO_HANS[chr(int(m.group(1), 16))] = to
            if len(to) == 1:
                TO_HANT.setdefault(to, chr(int(m.group(1), 16)))
    # The shape goes last: the other six keep their turn in the rotation,
    # and seven shapes against a sample of every 5th copy still meet each.
    table = str.maketrans(TO_HANT)
    SHAPES.append(("hant", lambda before, fig, after: tuple(t.translate(table) for t in (before, fig, after))))


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def findings(claims, work, texts):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "in"))
    for name, data in zip(("x.txt", "y.txt", "z.txt", "w.txt"), texts):
        with open(os.path.join(work, "in", name), "w", encoding="utf-8") as f:
            f.write(data)
    return check(claims, work)


def check(claims, work):
    db = os.path.join(work, "t.db")
    ingest = run(claims, "ingest", "--db", db, os.path.join(work, "in"))
    if ingest.returncode != 0:
        raise SystemExit(f"ingest failed: {ingest.stderr}")
    out = run(claims, "check", "--db", db, "--format", "json", "--min-severity", "warning")
    if out.returncode not in (0, 1):
        raise SystemExit(f"check failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)["findings"]


def alike(finding, work):
    # A finding with its paths read alike (the copies' and the original's)
    # and without line numbers (a credit line or a joined paragraph moves them).
    # Full-width digits read as ASCII: the copy's own quote of a finding the
    # original already has is the same finding.
    text = unicodedata.normalize("NFKC", finding["message"].replace(work + "/in/", ""))
    text = "".join(TO_HANS.get(ch, ch) for ch in text)
    text = re.sub(r"; the same in \d+ other cop.*", "", text)
    text = re.sub(r"[yzw]\.txt", "x.txt", text)
    text = re.sub(r"\(lines? [0-9, ]+(and \d+ more)?\)", "(lines)", text)
    return (finding["rule"], re.sub(r"x\.txt:\d+", "x.txt", text))


def articles(directory):
    # (name, original, copy base): a NAME.hant.txt is the copy base of NAME.txt.
    names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    out = []
    for name in names:
        if name.endswith(".hant.txt"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            original = f.read()
        out.append((name, original, original, os.path.join(directory, name)))
        hant = name[: -len(".txt")] + ".hant.txt"
        if hant in names:
            path = os.path.join(directory, hant)
            with open(path, encoding="utf-8") as f:
                out.append((hant, original, f.read(), path))
    return out


class Tally:
    def __init__(self):
        self.copies = self.found = self.extra = self.plain = 0
        self.failures = []


def check_article(claims, work, name, original, base, path, every, tally, counter):
    baseline = {alike(f, work) for f in findings(claims, work, [original, CREDIT + original])}

    def added(fs, at=None):
        hit, extra = False, []
        for f in fs:
            if at is not None and any(c["path"].endswith("y.txt") and c["byte_start"] == at for c in f["claims"]):
                hit = True
            elif alike(f, work) not in baseline:
                extra.append(f)
        return hit, extra

    # The copy shapes without a garbling (and the Traditional copy as it is).
    plain = [(label, shape) for label, shape in SHAPES if label != "triple"]
    if base is not original:
        plain.append(("hant by hand", credit))
    for label, shape in plain:
        made = shape(base, "", "") or shape("", "", base)
        if made is None:
            continue
        counter[1] += 1
        if (counter[1] - 1) % every:
            continue
        tally.plain += 1
        for f in added(findings(claims, work, [original, "".join(made)]))[1]:
            tally.failures.append(f"{name}: unchanged copy ({label}): {f['rule']}: {f['message']}")
    extracted = run(claims, "extract", "--format", "jsonl", path).stdout.splitlines()
    raw = base.encode()
    for claim in map(json.loads, extracted):
        surface = claim["surface"]
        before = raw[: claim["byte_start"]].decode()
        after = raw[claim["byte_end"]:].decode()
        for kind, garbled in garblings(surface):
            counter[0] += 1
            if (counter[0] - 1) % every:
                continue
            label, shape = SHAPES[counter[0] % len(SHAPES)]
            made = shape(before, garbled, after) or credit(before, garbled, after)
            copy = "".join(made)
            texts = [original, copy] + ([OTHER_CREDIT + original] if label == "triple" else [])
            tally.copies += 1
            hit, extra = added(findings(claims, work, texts), len(made[0].encode()))
            what = f"{name}: {surface} -> {garbled} ({kind}, {label})"
            if hit:
                tally.found += 1
            else:
                tally.failures.append(f"{what}: not found")
            if extra:
                tally.extra += 1
            for f in extra:
                tally.failures.append(f"{what}: also {f['rule']}: {f['message']}")


def main():
    args = sys.argv[1:]
    claims = args.pop(0)
    every, together = 1, False
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--every":
            every = int(args.pop(0))
        elif flag == "--fold-table":
            load_fold_table(args.pop(0))
        elif flag == "--together":
            together = True
        else:
            raise SystemExit(f"unknown flag {flag}")
    dirs = [d for d in args if os.path.isdir(d)]
    for d in args:
        if d not in dirs:
            print(f"skipped: no {d}")
    if not dirs:
        return 77
    work = tempfile.mkdtemp()
    tally = Tally()
    try:
        for d in dirs:
            counter = [0, 0]  # garbled copies, unchanged copies
            for name, original, base, path in articles(d):
                check_article(claims, work, name, original, base, path, every, tally, counter)
            if together:
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(d, os.path.join(work, "in"))
                for f in check(claims, work):
                    tally.failures.append(f"{os.path.basename(d)} together: {f['rule']}: {f['message']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{tally.copies} garbled copies, {tally.found} found, {tally.extra} with other warnings; "
          f"{tally.plain} unchanged copies; {len(tally.failures)} failures")
    for line in tally.failures:
        print(line)
    return 1 if tally.failures or tally.copies == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
