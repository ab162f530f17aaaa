#!/usr/bin/env python3
"""Seeded draw of the corpus's text-generation cards that no one has labelled or read (validation v47).

    scripts/draw_corpus_rest.py SEED K [SHARED=../shared] [--untagged]

`scripts/draw_cards.py` has drawn every LLM-looking corpus card at least once, but its draws took more
cards than were labelled: the rest were never read. A card is drawn here when its front matter says
`pipeline_tag: text-generation` (or `conversational`), and
- no label file names it (dev, dev_pool, validation: by model id or file name),
- it is no fixture card (`exclude_fixtures.txt`), and
- the person measuring has not seen it (`seen.txt`: the cards of session 26's precision audits and the
  cards whose output changed under a rule and was read).
With `--untagged` (validation v50) it draws instead the cards whose front matter names no
`pipeline_tag` (1,935 corpus cards, which earlier draws never took) and whose Hub id reads like a
language model's (a family, a size or a tuning word in the name: `UNTAGGED_LLM` below; the name
only, never the text). Prints the first K corpus file names in the seed's order. Run it at the commit before the split's
labels were added (v47: the commit that added its draw to seen.txt's exclusions).
"""
import csv
import os
import random
import re
import sys

from used_cards import LABELS, seen

args = [a for a in sys.argv[1:] if a != "--untagged"]
untagged = "--untagged" in sys.argv
seed, k = int(args[0]), int(args[1])
shared = args[2] if len(args) > 2 else "../shared"
UNTAGGED_LLM = re.compile(
    r"llama|qwen|mistral|mixtral|gemma|phi|glm|deepseek|gpt|falcon|baichuan|yi-|llm|chat|instruct|coder|"
    r"\d+(\.\d)?b\b|\d+b-|vicuna|alpaca|zephyr|hermes|orca|wizard|intern|minicpm|starcoder|solar|openchat|"
    r"dolphin|mpt|bloom|opt-|pythia|olmo|smol|rwkv|mamba",
    re.I,
)
corpus = os.path.join(shared, "corpus", "hf-readme-2024")
cards = os.path.join(LABELS, "cards")

labelled = set()
for name in ["dev.csv", "dev_pool.csv", "validation.csv"]:
    for row in csv.DictReader(open(os.path.join(cards, name))):
        labelled |= {row["model_id"].lower(), row["file"]}
fixtures = set(open(os.path.join(cards, "exclude_fixtures.txt")).read().split())
read = {s.lower() for s in seen()}

drawn = []
for name in sorted(os.listdir(corpus)):
    model_id = name.removesuffix(".README.md").replace("__", "/", 1)
    if model_id.lower() in labelled or name in labelled or name in fixtures or model_id.lower() in read:
        continue
    text = open(os.path.join(corpus, name), encoding="utf-8", errors="replace").read()
    front = text[3:text.find("\n---", 3)] if text.startswith("---") else ""
    tag = re.search(r"^pipeline_tag:\s*(\S+)", front, re.M)
    if untagged and not tag and UNTAGGED_LLM.search(model_id):
        drawn.append(name)
    elif not untagged and tag and tag.group(1) in ("text-generation", "conversational"):
        drawn.append(name)
random.Random(seed).shuffle(drawn)
print("\n".join(drawn[:k]))
