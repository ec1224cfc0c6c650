#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 JSON schema.

usage: sarif_validate.py SCHEMA (--sample REPORT_SAMPLE_BIN OUTDIR | FILE...)

Exits 77 (ctest SKIP_RETURN_CODE) when the schema file or the jsonschema
module is missing, 0 when every file validates, 1 otherwise.
"""
import json
import os
import subprocess
import sys

SKIP = 77


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path = argv[1]
    if not os.path.exists(schema_path):
        print(f"skip: SARIF schema not found at {schema_path}")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        print("skip: python3 module jsonschema is not installed (Debian: python3-jsonschema)")
        return SKIP
    files = argv[2:]
    if files[0] == "--sample":
        sample, outdir = files[1], files[2]
        os.makedirs(outdir, exist_ok=True)
        out = os.path.join(outdir, "report_sample.sarif")
        subprocess.run([sample, "--sarif", out], check=True)
        files = [out]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: {where}: {e.message}")
        results = sum(len(r.get("results", [])) for r in doc.get("runs", []))
        if errors:
            failed += 1
        else:
            print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
