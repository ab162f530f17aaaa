#!/usr/bin/env python3
"""Restore the pool cards' texts (CARDS_DIR/pool/<n>.md) from git snapshots of the repositories
`tests/it/data/cards/pool.csv` names, checking each against its labelled sha256.

    scripts/restore_pool_cards.py SNAPSHOTS_DIR [CARDS_DIR=../cards-v13]

SNAPSHOTS_DIR holds one git directory per repository as `<owner>+<name>/repo` (the search library's
`fetch` puts them in /work/.mirror). A text is taken from the newest commit that holds the exact
labelled bytes. Cards known only by a search-library file id (no repository; about 170 of the first
collections) cannot be restored this way; `DENSING_POOL_PARTIAL=1` measures without them. Prints
what it restored and which repositories it still needs.
"""
import csv
import hashlib
import os
import subprocess
import sys

snapshots = sys.argv[1]
cards = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "cards-v13")
os.makedirs(os.path.join(cards, "pool"), exist_ok=True)
restored = present = id_only = 0
missing_repos, no_bytes = set(), []
for row in csv.DictReader(open(os.path.join(os.path.dirname(__file__), "..", "tests/it/data/cards/pool.csv"))):
    out = os.path.join(cards, "pool", f"{int(row['n']):03d}.md")
    if os.path.exists(out) and hashlib.sha256(open(out, "rb").read()).hexdigest() == row["sha256"]:
        present += 1
        continue
    if not row["repo"]:
        id_only += 1
        continue
    git = os.path.join(snapshots, row["repo"].replace("/", "+"), "repo")
    if not os.path.isdir(git):
        missing_repos.add(row["repo"])
        continue
    history = subprocess.run(["git", "--git-dir", git, "log", "--all", "--format=%H", "--", row["path"]],
                             capture_output=True, text=True).stdout.split()
    for rev in ["HEAD"] + history:
        shown = subprocess.run(["git", "--git-dir", git, "show", f"{rev}:{row['path']}"], capture_output=True)
        if shown.returncode == 0 and hashlib.sha256(shown.stdout).hexdigest() == row["sha256"]:
            open(out, "wb").write(shown.stdout)
            restored += 1
            break
    else:
        no_bytes.append(row["n"])
print(f"restored {restored}, already there {present}, file-id only {id_only}, "
      f"repositories to fetch {len(missing_repos)}, no commit with the labelled bytes {len(no_bytes)} {no_bytes[:20]}")
if missing_repos:
    print("fetch:", " ".join(sorted(missing_repos)))
