#!/usr/bin/env python3
"""Seeded draw of unused Hub cards from a public mirror of cards (collections 9-12 of the pool).

    scripts/draw_mirror.py SEED K MIRROR_GIT_DIR [SHARED=../shared]

MIRROR_GIT_DIR is a git snapshot of `leliuga/cohere-configurations` (the search library's `fetch`);
its cards are `models/<name>/README.md`. A card is unused when no labelled id, pool card, corpus card
or fixture has its name (case, an owner prefix and a "-hf"/"-bf16"/"-fp16" suffix aside). Prints the
first K unused folder names in the seed's order. Run it at the commit before the collection's rows
were added to pool.csv (later collections exclude the earlier ones). A drawn card whose Hub id (read
by its labeller) turns out to be labelled or a corpus card is replaced by the next name.
"""
import csv
import os
import random
import subprocess
import sys

seed, k, git_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
shared = sys.argv[4] if len(sys.argv) > 4 else "../shared"
labels = os.path.join(os.path.dirname(__file__), "..", "tests", "it", "data")
tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                      capture_output=True, text=True, check=True).stdout.split()
names = sorted(p.split("/")[1] for p in tree if p.startswith("models/") and p.endswith("/README.md") and p.count("/") == 2)


def bare(name):
    name = name.lower()
    for suffix in ("-hf", "-bf16", "-fp16"):
        name = name.removesuffix(suffix)
    return name


used = set()
for row in csv.DictReader(open(os.path.join(labels, "cards", "pool.csv"))):
    used |= {row["model_id"].split("/")[-1], row["model_id"].replace("/", "-")}
    if row["path"].startswith("models/"):
        used.add(row["path"].split("/")[1])
for f in ["cards/dev.csv", "cards/dev_pool.csv", "cards/validation.csv", "extraction/truth.csv"]:
    used |= {row.get("model_id", "").split("/")[-1] for row in csv.DictReader(open(os.path.join(labels, f)))}
for f in os.listdir(os.path.join(shared, "corpus", "hf-readme-2024")):
    card = f.removesuffix(".README.md")
    used |= {card.split("__", 1)[-1], card.replace("__", "-")}
for _, _, files in os.walk(os.path.join(shared, "fixtures", "real")):
    used |= {f.split("__", 1)[-1].split(".")[0] for f in files}
used = {bare(u) for u in used}
free = [n for n in names if bare(n) not in used]
print(f"{len(names)} cards, {len(free)} unused", file=sys.stderr)
random.Random(seed).shuffle(free)
print("\n".join(free[:k]))
