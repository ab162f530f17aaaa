#!/usr/bin/env python3
"""Draw a seeded random sample of LLM cards from the shared corpus, for labelling.

Usage: scripts/draw_cards.py SEED N [--exclude FILE ...] > list.txt

Prints corpus file names, in drawn order, of cards that look like text-generation LLMs
(pipeline_tag text-generation/conversational, or no pipeline_tag and LLM words in the
front matter). The labeller confirms each: a card that is not an LLM is skipped with a
note and the next one in the list is taken, so draw more than you need.
Files named in an --exclude file (one per line, '#' comments) are never drawn.
"""
import random
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/hf-readme-2024"
LLM_TAGS = re.compile(r"text-generation|causal|llama|mistral|qwen|gpt|gemma|phi|falcon|mixtral|\bllm\b", re.I)


def front_matter(text):
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            return text[3:end]
    return ""


def is_candidate(text):
    fm = front_matter(text)
    tag = re.search(r"^pipeline_tag:\s*(\S+)", fm, re.M)
    if tag:
        return tag.group(1) in ("text-generation", "conversational")
    return bool(LLM_TAGS.search(fm))


def main():
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    exclude = set()
    args = sys.argv[3:]
    while args:
        flag, path, *args = args
        assert flag == "--exclude", flag
        for line in Path(path).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line:
                exclude.add(line.split(",")[0])
    names = sorted(p.name for p in CORPUS.glob("*.README.md"))
    random.Random(seed).shuffle(names)
    drawn = 0
    for name in names:
        if name in exclude:
            continue
        text = (CORPUS / name).read_text(encoding="utf-8", errors="replace")
        if is_candidate(text):
            print(name)
            drawn += 1
            if drawn == n:
                break


if __name__ == "__main__":
    main()
