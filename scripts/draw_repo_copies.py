#!/usr/bin/env python3
"""Seeded draw of unused Hub cards from GitHub repositories that are copies of Hub model repos
(collection 30 of the pool, validation v45).

    scripts/draw_repo_copies.py SEED K CANDIDATES MIRROR_DIR POOL_TEXTS [SHARED=../shared]

CANDIDATES lists GitHub repositories, one `owner/name` per line (a tab and notes may follow): those the
search library's `find_files` names for a file only a Hub model repo holds at its root
(`tokenizer_config.json`, `generation_config.json`, `model.safetensors.index.json`, ...; see
`tests/it/data/cards/repo_copies.txt`). MIRROR_DIR holds their snapshots (`fetch`:
`<owner>+<name>/repo`, a bare git dir). A repository's `README.md` at HEAD is a Hub card when it opens with
YAML front matter and has at least 200 characters after it. A card is unused when
- no labelled id, pool card, corpus card or fixture has the repository's name (case, an owner prefix
  written into the name, and a "-hf"/"-bf16"/"-fp16" suffix aside), and
- it is not a near-copy of a corpus or pool card: fewer than half of its lines of 40 or more characters
  appear in any one of those cards (POOL_TEXTS is the folder of restored pool texts, `<n>.md`), and
- the person measuring has not read it (`tests/it/data/cards/seen.txt`).
Prints the first K unused cards in the seed's order as `owner/name commit`. The labellers name the
card's Hub id, skip cards that are not text LLMs, and a card whose Hub id turns out to be labelled or a
corpus card is dropped before anyone measures. Run it at the commit before the collection's rows were
added to pool.csv (v45: 4733071); later collections exclude the earlier ones. `DRAW_VERBOSE=1` prints each repository's verdict.
"""
import collections
import os
import random
import subprocess
import sys

from used_cards import bare, seen, used_names

seed, k, candidates, mirror, pool_texts = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
shared = sys.argv[6] if len(sys.argv) > 6 else "../shared"
corpus = os.path.join(shared, "corpus", "hf-readme-2024")

used = used_names(shared, pool_folders=False)
read_by_measurer = seen()


def name_used(repo):
    name = bare(repo)
    # Copies often carry the source owner in the name: "meta-llama-Llama-3.2-3B-Instruct".
    return repo in read_by_measurer or name in used or any(name.endswith(sep + u) for u in used if len(u) >= 8 for sep in "-_.")


def long_lines(text):
    return {line.strip() for line in text.splitlines() if len(line.strip()) >= 40}


owners = collections.defaultdict(set)  # long line -> the used cards holding it
texts = [os.path.join(corpus, f) for f in os.listdir(corpus)]
texts += [os.path.join(pool_texts, f) for f in os.listdir(pool_texts) if f.endswith(".md")]
for i, path in enumerate(texts):
    for line in long_lines(open(path, encoding="utf-8", errors="replace").read()):
        owners[line].add(i)


def near_copy(text):
    lines = long_lines(text)
    if len(lines) < 4:
        return False
    hits = collections.Counter(card for line in lines for card in owners.get(line, ()))
    return bool(hits) and hits.most_common(1)[0][1] * 2 >= len(lines)


def card(repo):
    git_dir = os.path.join(mirror, repo.replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        return None, None
    run = lambda *a: subprocess.run(["git", "--git-dir", git_dir, *a], capture_output=True)
    text = run("show", "HEAD:README.md")
    if text.returncode:
        return None, None
    commit = run("rev-parse", "HEAD").stdout.decode().strip()
    return text.stdout.decode("utf-8", errors="replace"), commit


def hub_card(text):
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return False
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    return end is not None and len("\n".join(lines[end + 1:]).strip()) >= 200


repos = sorted({line.split()[0] for line in open(candidates) if line.strip() and not line.startswith("#")})
free, counts = [], collections.Counter()
for repo in repos:
    text, commit = card(repo)
    reason = ("no snapshot or README" if text is None else "not a Hub card" if not hub_card(text)
              else "name used" if name_used(repo) else "near-copy of a used card" if near_copy(text) else None)
    counts[reason or "unused"] += 1
    if os.environ.get("DRAW_VERBOSE"):
        print(repo, reason or "unused", file=sys.stderr)
    if reason is None:
        free.append((repo, commit))
print(f"{len(repos)} repositories: " + ", ".join(f"{v} {k}" for k, v in counts.most_common()), file=sys.stderr)
random.Random(seed).shuffle(free)
print("\n".join(f"{repo} {commit}" for repo, commit in free[:k]))
