#!/usr/bin/env python3
"""Scan what a densing run published for shapes no benchmark score has.

    python3 scripts/scan_published.py OUT_DIR [--limit N]

OUT_DIR is a run's output folder (`densing run --out OUT_DIR`, or the work folder that
`KEEP=1 scripts/corpus_run.sh` keeps, under `out/`). The latest snapshot's `scores` table is read
with pyarrow and every row is checked against a few shapes that were real faults once (session 40:
fractions published unscaled, a decimal comma read as 0, one language's value published as the
whole benchmark's, categories and thresholds published as benchmarks):

- an id that is a generic word or a category (`where`, `stem`, `chat`, `full`);
- a percent over 100, or an MT-Bench over 10;
- a percent under 1 printed with three or more places (a fraction left unscaled?);
- a value of exactly 0 (a number the parser could not read whole?);
- two values under one (model, benchmark, shots, metric, prompt) key.

It prints counts per class and the first rows of each, for a person to read against the card
(`evidence`, `evidence_line`). A row listed here is not necessarily wrong: a tiny model's GSM8K of
0.0 is real. Nothing is changed; the exit status is 0 whatever is found.
"""
import argparse
import collections
import glob
import os
import sys

import pyarrow.parquet as pq

# Words that are no benchmark's whole name: categories, task kinds, splits, generic words.
GENERIC = {
    "stem", "humanities", "social_science", "social_sciences", "other", "others", "overall", "total", "full",
    "all", "average", "avg", "mean", "score", "result", "results", "value", "chat", "reasoning", "safety",
    "coding", "math_category", "where", "join", "ratio", "group_by", "order_by", "date", "easy", "medium",
    "hard", "extra", "per", "loc", "org", "misc", "retrieval", "reranking", "clustering", "classification",
    "sts", "pair_classification", "test", "val", "dev", "valid", "validation", "train", "en", "zh",
}


def latest_scores(out_dir):
    # The newest snapshot partition of the scores table (snapshot ids sort by time).
    parts = sorted(glob.glob(os.path.join(out_dir, "scores", "snapshot=*")))
    if not parts:
        sys.exit(f"no scores table under {out_dir}")
    return pq.read_table(parts[-1]).to_pylist()


def decimals(raw):
    text = (raw or "").strip()
    if "." not in text:
        return 0
    tail = text.split(".", 1)[1]
    count = 0
    for c in tail:
        if not c.isdigit():
            break
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--limit", type=int, default=10, help="rows shown per class")
    args = parser.parse_args()
    rows = latest_scores(args.out_dir)
    found = collections.defaultdict(list)
    keys = collections.defaultdict(set)
    for r in rows:
        b, v, unit, raw = r["benchmark"], r["value"], r["unit"], r.get("value_raw") or ""
        if b in GENERIC:
            found["generic or category id"].append(r)
        if unit == "percent" and v > 100 and b != "card_average":
            found["percent over 100"].append(r)
        if unit == "score_10" and v > 10:
            found["MT-Bench over 10"].append(r)
        if unit == "percent" and 0 < v < 1 and decimals(raw) >= 3 and "%" not in raw:
            found["percent under 1 with three places"].append(r)
        if v == 0:
            found["zero"].append(r)
        if b != "card_average":
            keys[(r["model_id"], b, r.get("shots"), r.get("metric"), r.get("prompt"))].add(v)
    duplicates = {k: v for k, v in keys.items() if len(v) > 1}
    print(f"{len(rows)} score rows scanned")
    for name in ["generic or category id", "percent over 100", "MT-Bench over 10",
                 "percent under 1 with three places", "zero"]:
        listed = found[name]
        print(f"\n{name}: {len(listed)} rows")
        for r in listed[: args.limit]:
            print(f"  {r['model_id']} {r['benchmark']} = {r['value']} ({r['unit']}; raw {r.get('value_raw')!r}) "
                  f"line {r.get('evidence_line')}: {(r.get('evidence') or '')[:100]}")
    models = {k[0] for k in duplicates}
    print(f"\ntwo values under one key: {len(duplicates)} keys on {len(models)} models")
    for (model, b, shots, metric, prompt), values in list(duplicates.items())[: args.limit]:
        print(f"  {model} {b} shots={shots} metric={metric} prompt={prompt}: {sorted(values)}")


if __name__ == "__main__":
    main()
