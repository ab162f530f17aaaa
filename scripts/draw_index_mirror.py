#!/usr/bin/env python3
"""Seeded draw of unused Hub cards from a mirror that keeps them as `<org>/<name>/index.md`
(`ZHUI/paddlenlp_model_readme`, collection 23 of the pool).

    scripts/draw_index_mirror.py SEED K MIRROR_GIT_DIR [SHARED=../shared]

Only orgs that publish text LLMs are drawn from (the list below, chosen by name before any card was
read); a card is unused when no labelled id, pool card, corpus card or fixture has its id or name (case,
an owner prefix and a "-hf"/"-bf16"/"-fp16" suffix aside). Prints the first K unused ids in the seed's
order. The labellers skip cards that are not text-generation LLMs.
"""
import csv
import os
import random
import subprocess
import sys

ORGS = {"qwen", "deepseek-ai", "meta-llama", "thudm", "mistralai", "baichuan-inc", "01-ai", "internlm", "microsoft",
        "tiiuae", "tinyllama", "bigscience", "idea-ccnl", "google", "facebook", "salesforce", "allenai", "eleutherai",
        "databricks", "stabilityai", "nvidia", "ibm-granite", "huggingfacetb", "openbmb", "xverse", "flagalpha",
        "linly-ai", "paddlenlp", "baai"}

seed, k, git_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
shared = sys.argv[4] if len(sys.argv) > 4 else "../shared"
labels = os.path.join(os.path.dirname(__file__), "..", "tests", "it", "data")
tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                      capture_output=True, text=True, check=True).stdout.split()
ids = sorted(p.removesuffix("/index.md") for p in tree if p.endswith("/index.md") and p.count("/") == 2)


def bare(name):
    name = name.lower().split("/")[-1]
    for suffix in ("-hf", "-bf16", "-fp16"):
        name = name.removesuffix(suffix)
    return name


used = set()
for row in csv.DictReader(open(os.path.join(labels, "cards", "pool.csv"))):
    used |= {row["model_id"], row["path"].removesuffix("/index.md").removesuffix("/README.md")}
for f in ["cards/dev.csv", "cards/dev_pool.csv", "cards/validation.csv", "extraction/truth.csv"]:
    used |= {row.get("model_id", "") for row in csv.DictReader(open(os.path.join(labels, f)))}
for f in os.listdir(os.path.join(shared, "corpus", "hf-readme-2024")):
    used.add(f.removesuffix(".README.md").replace("__", "/"))
for _, _, files in os.walk(os.path.join(shared, "fixtures", "real")):
    used |= {f.split(".")[0].replace("__", "/") for f in files}
used = {bare(u) for u in used if u}
free = [i for i in ids if i.split("/")[0].lower() in ORGS and bare(i) not in used]
print(f"{len(ids)} cards, {len(free)} unused from LLM orgs", file=sys.stderr)
random.Random(seed).shuffle(free)
print("\n".join(free[:k]))
