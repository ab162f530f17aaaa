#!/usr/bin/env python3
"""Seeded draw of unused Hub cards from a mirror that keeps them as `<org>/<name>/index.md`
(`ZHUI/paddlenlp_model_readme`, collection 23 of the pool).

    scripts/draw_index_mirror.py SEED K MIRROR_GIT_DIR [SHARED=../shared]

Only orgs that publish text LLMs are drawn from (the list below, chosen by name before any card was
read); a card is unused when no labelled id, pool card, corpus card or fixture has its id or name (case,
an owner prefix and a "-hf"/"-bf16"/"-fp16" suffix aside). Prints the first K unused ids in the seed's
order. The labellers skip cards that are not text-generation LLMs.
"""
import os
import random
import subprocess
import sys

from used_cards import bare, used_names

ORGS = {"qwen", "deepseek-ai", "meta-llama", "thudm", "mistralai", "baichuan-inc", "01-ai", "internlm", "microsoft",
        "tiiuae", "tinyllama", "bigscience", "idea-ccnl", "google", "facebook", "salesforce", "allenai", "eleutherai",
        "databricks", "stabilityai", "nvidia", "ibm-granite", "huggingfacetb", "openbmb", "xverse", "flagalpha",
        "linly-ai", "paddlenlp", "baai"}

seed, k, git_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
shared = sys.argv[4] if len(sys.argv) > 4 else "../shared"
tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                      capture_output=True, text=True, check=True).stdout.split()
ids = sorted(p.removesuffix("/index.md") for p in tree if p.endswith("/index.md") and p.count("/") == 2)

used = used_names(shared)
free = [i for i in ids if i.split("/")[0].lower() in ORGS and bare(i) not in used]
print(f"{len(ids)} cards, {len(free)} unused from LLM orgs", file=sys.stderr)
random.Random(seed).shuffle(free)
print("\n".join(free[:k]))
