#!/usr/bin/env python3
"""Shuffle the pool of cards drawn from outside the corpus, with a recorded seed.

Usage: scripts/draw_pool.py SEED [POOL_CSV=tests/it/data/cards/pool.csv] > order.txt

Prints `pool/<n>.md,<model_id>` for every card of the pool, in the seeded order. Splits take
consecutive runs of this order (see tests/it/data/cards/LABELLING.md): the labeller confirms each
card is a text-generation LLM card, skips it with a note otherwise, and takes the next.
"""
import csv
import random
import sys
from pathlib import Path


def main():
    seed = int(sys.argv[1])
    pool = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "tests/it/data/cards/pool.csv"
    rows = sorted(csv.DictReader(pool.open()), key=lambda r: int(r["n"]))
    random.Random(seed).shuffle(rows)
    for r in rows:
        print(f"pool/{int(r['n']):03d}.md,{r['model_id']}")


if __name__ == "__main__":
    main()
