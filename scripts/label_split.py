#!/usr/bin/env python3
"""Labelling a drawn blind split of repository cards: the helpers' briefs, then their labels into the
label files (the steps of validation v45 and v46; see tests/it/data/cards/LABELLING.md).

    scripts/label_split.py briefs SPLIT_DIR SPLIT GROUPS [--lab]
    scripts/label_split.py consolidate SPLIT_DIR SPLIT COLLECTION [--write] [SHARED=../shared]

SPLIT_DIR holds `draw.txt` (one drawn card a line: `<n> <owner/repo> <commit>`, n the next free pool
number) and each card's text as `<n>.md` (`git show <commit>:README.md` of the fetched snapshot).
SPLIT is the split's number (46); COLLECTION the pool.csv `found_by` text.

`briefs` writes `brief<SPLIT>_<a..>.md`, one for each of GROUPS helpers, cards spread by size. Each
helper labels by reading (the rules are LABELLING.md's "## The CSV"), writes
`label<SPLIT>_<x>.csv`, and replies with row counts only, so the person measuring stays blind.

`consolidate` reads those CSVs and prints each card whose Hub id (as the labeller read it) is already
labelled, pooled, a corpus card or a fixture: those are dropped. With `--write` it appends the rest to
`pool.csv` (name, repository, sha256 of the text), `validation.csv` (the label rows) and writes
`validation<SPLIT>_draw.txt`; it copies each text to `SPLIT_DIR/../pool/<n>.md`, where
`scripts/blind_cards.sh` measures. Commit the label files before densing runs on the split.
"""
import csv
import glob
import hashlib
import os
import shutil
import sys

from used_cards import LABELS, bare, used_names

CARDS = os.path.join(LABELS, "cards")
HEADER = "file,model_id,kind,params,active,date,date_precision,is_base,benchmark,shots,value,is_average,note"

COPIES = """Each file is the README.md of a public GitHub repository that copies a Hugging Face model repository (its
config and tokenizer files sit beside it), so the text is that model's Hub card. The GitHub owner is usually not
the Hub owner.
- `file` column: `pool/<n>.md` (e.g. `pool/{first}.md`).
- `model_id`: the card's own Hub id `<owner>/<name>` when the card states or links it (a title, a
  huggingface.co link to this repo, a `from_pretrained("owner/name")` call loading this very model, a
  leaderboard-details dataset name `details_<owner>__<name>`). Not the id of the model it was fine-tuned from or
  quantized from. If the card is a copy by a quantizer (TheBloke etc.: "This repo contains GPTQ/AWQ/GGUF files
  for X"), the id is the quantizer's repo when the card names it (e.g. TheBloke/X-GPTQ), and the model is a
  quantized copy. When the card never gives its own id, write `unknown/<GitHub repository name>` (the part after
  the slash) and say so in the note.
"""

# A lab's own GitHub README of a model family (v62): the labeller picks the flagship, as collection 8 did.
LAB = """Each file is the README.md of a lab's own GitHub repository for a model family (not a Hub card, but
written the same way). Label it as the Hub card of the family's **flagship**: the one model the README is chiefly
about (its headline release: the largest or newest instruct/chat model the README names and evaluates; when the
README is about one model, that model).
- `file` column: `pool/<n>.md` (e.g. `pool/{first}.md`).
- `model_id`: the flagship's Hub id `<owner>/<name>` as the README gives it (a huggingface.co link, a download
  table, a `from_pretrained(...)` call). Say in the note why that model is the flagship.
- Scores: only those the README attributes to that flagship (its own column or row, or prose about it); not a
  sibling size's, a base or earlier version's, or a competitor's.
"""

BRIEF = """# Labelling brief v{split}-{x}

You label real public Hugging Face model cards by reading them, for a blind test of an extraction tool. Your labels
are the ground truth; the tool has not been run on these cards and you must not run it.

## Rules
Read the rules in {cards}/LABELLING.md, section "## The CSV" to the end (the part above it
is background). Look at 20-30 rows of {cards}/dev.csv to see the style. Do NOT read
anything else in the repository (no source code, no other label files), do not run cargo, densing or any test.

## Your cards (read each whole)
{listing}

{about}- Not a text-generation LLM (embedding, classifier, speech, image, OCR, translation-only seq2seq, a LoRA adapter
  whose card gives nothing about the model), or an empty/template card ("More information needed" everywhere, or
  only a license): one `skip` row with the reason.
- Otherwise one `card` row, and one `score` row per score the card attributes to this model (see the rules:
  not other models' rows/columns; for a quantized copy, not the original's scores unless measured on this copy;
  a trainer's evaluation loss is not a benchmark score).
- Values exactly as printed; shots only when stated; notes in your own words, quote at most a few words.
- Be careful with params: the total parameter count stated for THIS model (name, text or tables), integer; empty
  when only expert notation (8x7B) or a family range is given. A 13B model is 13000000000.

## Output
Write ONE CSV file: {out} with exactly this header line:
{header}
Quote fields containing commas (use python's csv module to write it). Check it parses.

## Reply
Reply with ONLY: the number of card, skip and score rows you wrote. No card contents, no model names, no
values (the person measuring must stay blind).
"""


def drawn(split_dir):
    """(n, repo, commit) of each drawn card."""
    return [tuple(line.split()) for line in open(os.path.join(split_dir, "draw.txt")) if line.strip()]


def briefs(split_dir, split, groups, lab=False):
    text = lambda n: os.path.join(split_dir, f"{n}.md")
    bins, load = [[] for _ in range(groups)], [0] * groups
    # Largest cards first, each to the lightest helper (a card's reading costs about its size).
    for card in sorted(drawn(split_dir), key=lambda c: -os.path.getsize(text(c[0]))):
        g = min(range(groups), key=lambda g: (load[g], len(bins[g])))
        bins[g].append(card)
        load[g] += os.path.getsize(text(card[0])) + 4000
    for g, cards in enumerate(bins):
        x = "abcdefghijklmnop"[g]
        cards.sort()
        listing = "\n".join(f"- {text(n)}  (GitHub repository: {repo})" for n, repo, _ in cards)
        out = os.path.join(split_dir, f"label{split}_{x}.csv")
        about = (LAB if lab else COPIES).format(first=cards[0][0])
        brief = BRIEF.format(split=split, x=x, cards=os.path.abspath(CARDS), listing=listing, about=about,
                             out=out, header=HEADER)
        open(os.path.join(split_dir, f"brief{split}_{x}.md"), "w").write(brief)
        print(f"brief{split}_{x}.md: {len(cards)} cards")


def consolidate(split_dir, split, collection, write, shared):
    rows = []
    for f in sorted(glob.glob(os.path.join(split_dir, f"label{split}_*.csv"))):
        rows += list(csv.DictReader(open(f)))
    used = used_names(shared, pool_folders=False)
    named = [r for r in rows if r["kind"] != "score" and not r["model_id"].startswith("unknown/")]
    clash = {r["file"] for r in named if bare(r["model_id"]) in used}
    for r in named:
        if r["file"] in clash:
            print("dropped (already used):", r["file"], r["model_id"])
    keep = [r for r in rows if r["file"] not in clash]
    # A skip row names its card as `unknown/<repository name>` when the labeller found no id (the
    # label check wants a model_id on every row).
    repos = {f"pool/{n}.md": repo for n, repo, _ in drawn(split_dir)}
    for r in keep:
        if not r["model_id"].strip() and r["file"] in repos:
            r["model_id"] = "unknown/" + repos[r["file"]].split("/")[-1]
    cards = {r["file"]: r for r in keep if r["kind"] != "score"}
    kinds = [r["kind"] for r in keep]
    print(f"{len(cards)} cards: {kinds.count('card')} LLM cards, {kinds.count('skip')} skips, "
          f"{kinds.count('score')} score rows")
    if not write:
        return
    pool_dir = os.path.join(split_dir, "..", "pool")
    os.makedirs(pool_dir, exist_ok=True)
    draw = []
    with open(os.path.join(CARDS, "pool.csv"), "a", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        for n, repo, commit in drawn(split_dir):
            card = cards.get(f"pool/{n}.md")
            if card is None:
                continue
            text = open(os.path.join(split_dir, f"{n}.md"), "rb").read()
            scored = "yes" if any(r["file"] == f"pool/{n}.md" and r["kind"] == "score" for r in keep) else "no"
            kind = "skip" if card["kind"] == "skip" else "base" if card["is_base"] == "true" else "chat"
            out.writerow([n, card["model_id"], "", repo, "README.md", collection, kind, scored, len(text),
                          hashlib.sha256(text).hexdigest()])
            draw.append(f"{n} repo-copy {repo}@{commit}:README.md")
            shutil.copyfile(os.path.join(split_dir, f"{n}.md"), os.path.join(pool_dir, f"{n}.md"))
    open(os.path.join(CARDS, f"validation{split}_draw.txt"), "w").write("\n".join(draw) + "\n")
    with open(os.path.join(CARDS, "validation.csv"), "a", newline="") as fh:
        csv.DictWriter(fh, HEADER.split(","), lineterminator="\n").writerows(keep)
    print(f"wrote {len(keep)} label rows, {len(draw)} cards")


if __name__ == "__main__":
    command, split_dir, split = sys.argv[1], sys.argv[2], sys.argv[3]
    if command == "briefs":
        briefs(split_dir, split, int(sys.argv[4]), "--lab" in sys.argv)
    elif command == "consolidate":
        rest = [a for a in sys.argv[5:] if a != "--write"]
        consolidate(split_dir, split, sys.argv[4], "--write" in sys.argv, rest[0] if rest else "../shared")
    else:
        sys.exit(__doc__)
