#!/usr/bin/env python3
"""Seeded draw of what densing published for corpus cards no label covers, for an out-of-sample audit.

    scripts/draw_precision_audit.py OUT SEED K {scores|params|dates} [SHARED=../shared]

OUT is the Parquet folder of a corpus run (`KEEP=1 scripts/corpus_run.sh` prints its work folder; OUT is
its `out/`). A card can be drawn when no label file names it (dev, dev_pool, validation, by model id),
no earlier audit sheet names it (`precision_audit*.csv`) and the person measuring has not read it
(`seen.txt`). Then:
- `scores`: the cards on which densing read at least one score from the card's own text (tables, lists,
  lm-eval output; not a `model-index`, which is the card's own metadata). K cards, every row of theirs.
- `params`: the models densing gave a parameter count, K of them.
- `dates`: the models densing gave a release date, K of them.

Prints a CSV on stdout: one row per published value, with its evidence and the line of the card it was read
from, and empty `verdict,error_kind,note` columns for the auditor. Nobody has looked at the output of a
draw before it is audited: record its seed and K with the audit.
"""
import csv
import glob
import os
import random
import sys

import pyarrow.parquet as pq

from used_cards import LABELS, seen

out, seed, k, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
shared = sys.argv[5] if len(sys.argv) > 5 else "../shared"
cards = os.path.join(LABELS, "cards")


def table(name):
    [path] = glob.glob(os.path.join(out, name, "snapshot=*", "*.parquet"))
    return pq.read_table(path).to_pylist()


excluded = set(seen())
for f in ["dev.csv", "dev_pool.csv", "validation.csv"] + [
    os.path.basename(p) for p in glob.glob(os.path.join(cards, "precision_audit*.csv"))
]:
    excluded |= {row["model_id"] for row in csv.DictReader(open(os.path.join(cards, f)))}

corpus = os.path.join(shared, "corpus", "hf-readme-2024")
writer = csv.writer(sys.stdout)
rng = random.Random(seed)
if kind == "scores":
    rows = [r for r in table("scores") if r["source_detail"] != "model_index" and r["model_id"] not in excluded]
    ids = sorted({r["model_id"] for r in rows})
    drawn = set(rng.sample(ids, min(k, len(ids))))
    print(f"# seed {seed}: {len(drawn)} of {len(ids)} cards", file=sys.stderr)
    writer.writerow(["model_id", "file", "benchmark", "benchmark_raw", "value", "value_raw", "shots", "metric",
                     "source_detail", "evidence", "line", "verdict", "error_kind", "note"])
    for r in sorted((r for r in rows if r["model_id"] in drawn), key=lambda r: (r["model_id"], r["evidence_line"] or 0)):
        writer.writerow([r["model_id"], r["model_id"].replace("/", "__") + ".README.md", r["benchmark"],
                         r["benchmark_raw"], r["value"], r["value_raw"], r["shots"], r["metric"],
                         r["source_detail"], r["evidence"], r["evidence_line"], "", "", ""])
else:
    field = {"params": "params_total", "dates": "release_date"}[kind]
    models = [m for m in table("models") if m[field] is not None and m["model_id"] not in excluded]
    models.sort(key=lambda m: m["model_id"])
    drawn = rng.sample(models, min(k, len(models)))
    print(f"# seed {seed}: {len(drawn)} of {len(models)} models", file=sys.stderr)
    if kind == "params":
        writer.writerow(["model_id", "file", "params_total", "params_active", "params_source", "params_label",
                         "params_confidence", "params_evidence", "verdict", "error_kind", "note"])
        for m in sorted(drawn, key=lambda m: m["model_id"]):
            writer.writerow([m["model_id"], m["model_id"].replace("/", "__") + ".README.md", m["params_total"],
                             m["params_active"], m["params_source"], m["params_label"], m["params_confidence"],
                             m["params_evidence"], "", "", ""])
    else:
        writer.writerow(["model_id", "file", "release_date", "release_date_precision", "release_date_source",
                         "release_date_evidence", "verdict", "error_kind", "note"])
        for m in sorted(drawn, key=lambda m: m["model_id"]):
            writer.writerow([m["model_id"], m["model_id"].replace("/", "__") + ".README.md", m["release_date"],
                             m["release_date_precision"], m["release_date_source"], m["release_date_evidence"],
                             "", "", ""])
