#!/usr/bin/env bash
# Card extraction measured on the labelled cards drawn from outside the corpus.
#
#   scripts/blind_cards.sh [CARDS_DIR=../cards-v13] [SPLIT=validation|dev_pool|both]
#
# The cards are real public Hub cards (third-party text), kept next to the repo and never in it:
# CARDS_DIR/pool/<n>.md. tests/it/data/cards/pool.csv lists each card's model id, where it came
# from (the search library's file id, and the repository and path where known) and the sha256 of
# its text; this script checks every text against that hash before measuring, so a figure is
# only ever quoted on the exact bytes that were labelled.
#
# DENSING_POOL_PARTIAL=1 measures the labelled cards whose texts are here and leaves the rest out
# (a machine that could restore only part of the pool): for comparing rules, not for quoting.
#
# validation is blind: it prints aggregate figures only (DENSING_SHOW_VALIDATION=1 prints the
# items, and then the split must be retired into dev_pool: see tests/it/data/cards/LABELLING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath "${1:-../cards-v13}")
SPLIT=${2:-both}
python3 - "$DIR" <<'PY'
import csv, hashlib, os, sys
root = sys.argv[1]
bad = 0
for row in csv.DictReader(open("tests/it/data/cards/pool.csv")):
    path = f"{root}/pool/{int(row['n']):03d}.md"
    try:
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except OSError as e:
        if os.environ.get("DENSING_POOL_PARTIAL") != "1":
            print(f"missing {path}: {e}", file=sys.stderr); bad += 1
        continue
    if digest != row["sha256"]:
        print(f"{path}: sha256 {digest} is not the labelled text's {row['sha256']}", file=sys.stderr); bad += 1
sys.exit(1 if bad else 0)
PY
case "$SPLIT" in
  validation) tests=(cards::validation_split_card_extraction) ;;
  dev_pool) tests=(cards::dev_pool_split_card_extraction) ;;
  both) tests=(cards::dev_pool_split_card_extraction cards::validation_split_card_extraction) ;;
  *) echo "SPLIT is validation, dev_pool or both" >&2; exit 2 ;;
esac
for t in "${tests[@]}"; do
  DENSING_BLIND_CARDS="$DIR" cargo test --quiet --test it "$t" -- --ignored --exact --nocapture
done
