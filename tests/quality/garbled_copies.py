#!/usr/bin/env python3
"""Garbled syndicated copies of the seed articles: is the garbled figure found?

For every claim of ../shared/corpus/seeds/* whose surface has digits or 万/亿,
each garbling that applies (a digit dropped, 万亿/亿/万 slipped, the decimal
point moved one place, a percentage raised by 10, the last digit changed) is
made in a copy of the article. The original and the copy are ingested into a fresh store and
checked. Two things must hold for every copy:
  - a finding at warning or above names the garbled claim (its path and
    byte offset in the copy);
  - no other finding at warning or above appears that the original and an
    identical copy do not already give (paths read alike).
Exit 0 when both hold everywhere, 1 otherwise (a list of what failed), 77
(skip) when ../shared/corpus/seeds is not there.

  garbled_copies.py CLAIMS_BIN SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PREFIX = "转载自某网站\n\n".encode()  # the copy starts with a credit line


def garblings(surface):
    out = []
    for old, new in (("万亿", "亿"), ("亿", "万"), ("万", "亿")):
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
        if not dropped.startswith(".") and not dropped.endswith("."):
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


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def findings(claims, work, original, copy):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "in"))
    for name, data in (("x.txt", original), ("y.txt", copy)):
        with open(os.path.join(work, "in", name), "wb") as f:
            f.write(data)
    db = os.path.join(work, "t.db")
    ingest = run(claims, "ingest", "--db", db, os.path.join(work, "in"))
    if ingest.returncode != 0:
        raise SystemExit(f"ingest failed: {ingest.stderr}")
    check = run(claims, "check", "--db", db, "--format", "json", "--min-severity", "warning")
    if check.returncode not in (0, 1):
        raise SystemExit(f"check failed ({check.returncode}): {check.stderr}")
    return json.loads(check.stdout)["findings"]


def alike(finding, work):
    # A finding with its paths read alike (the copy's and the original's).
    # The copy's credit line moves its line numbers by two.
    text = finding["message"].replace(work + "/in/", "").replace("y.txt", "x.txt")
    text = re.sub(r"\(lines? [0-9, ]+(and \d+ more)?\)", "(lines)", text)
    return (finding["rule"], re.sub(r"x\.txt:\d+", "x.txt", text))


def main():
    claims, source = sys.argv[1], sys.argv[2]
    seeds = os.path.join(source, "..", "shared", "corpus", "seeds")
    if not os.path.isdir(seeds):
        print(f"skipped: no {seeds}")
        return 77
    work = tempfile.mkdtemp()
    failures, copies = [], 0
    try:
        for name in sorted(os.listdir(seeds)):
            path = os.path.join(seeds, name)
            with open(path, "rb") as f:
                original = f.read()
            baseline = {alike(f, work) for f in findings(claims, work, original, PREFIX + original)}
            extracted = run(claims, "extract", "--format", "jsonl", path).stdout.splitlines()
            for claim in map(json.loads, extracted):
                surface = claim["surface"]
                for kind, garbled in garblings(surface):
                    copies += 1
                    copy = PREFIX + original[:claim["byte_start"]] + garbled.encode() + original[claim["byte_end"]:]
                    at = claim["byte_start"] + len(PREFIX)
                    found = False
                    for f in findings(claims, work, original, copy):
                        if any(c["path"].endswith("y.txt") and c["byte_start"] == at for c in f["claims"]):
                            found = True
                        elif alike(f, work) not in baseline:
                            failures.append(f"{name}: {surface} -> {garbled} ({kind}): also {f['rule']}: {f['message']}")
                    if not found:
                        failures.append(f"{name}: {surface} -> {garbled} ({kind}): not found")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{copies} garbled copies, {len(failures)} failures")
    for line in failures:
        print(line)
    return 1 if failures or copies == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
