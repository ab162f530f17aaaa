#!/usr/bin/env python3
"""Compare two independent readings (label files) of the same cards, without showing any value.

    scripts/compare_readings.py FIRST.csv SECOND.csv DIFF_DIR

Both files are in the labels' CSV format (`tests/it/data/cards/LABELLING.md`); only the cards (by `file`) that
SECOND labels are compared. Prints counts only: card fields agreeing (params within 2%, active, date at its
precision, is_base, card or skip), score rows both readings hold (same value, benchmark named alike or under
another name), and rows only one holds. For each card the readings differ on, DIFF_DIR gets `<n>.csv`: the
card's rows of both readings with a `reading` column (first/second), for a third reader to settle. Nothing of a
card's content is printed, so the person measuring can run it on a blind split.
"""
import csv
import os
import re
import sys


def rows_by_file(path):
    out = {}
    for row in csv.DictReader(open(path, newline="")):
        out.setdefault(row["file"], []).append(row)
    return out


def bench_key(name):
    """A benchmark's name compared loosely: no `raw:` prefix, case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("raw:"))


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def params_agree(a, b):
    x, y = number(a), number(b)
    if x is None or y is None:
        return a.strip() == b.strip()
    return abs(x - y) <= 0.02 * max(x, y)


def card_row(rows):
    """The card's `card` or `skip` row, if it has one."""
    return next((r for r in rows if r["kind"] in ("card", "skip")), None)


def pair_scores(first, second):
    """(named alike, named otherwise, only first, only second): rows paired on value, then on benchmark."""
    a = [r for r in first if r["kind"] == "score"]
    b = [r for r in second if r["kind"] == "score"]
    alike, otherwise = 0, 0
    left_b = list(b)
    only_a = []
    for row in a:
        same_value = [r for r in left_b if number(r["value"]) == number(row["value"])]
        named = [r for r in same_value if bench_key(r["benchmark"]) == bench_key(row["benchmark"])]
        if named:
            left_b.remove(named[0])
            alike += 1
        elif same_value:
            left_b.remove(same_value[0])
            otherwise += 1
        else:
            only_a.append(row)
    return alike, otherwise, only_a, left_b


def main():
    first, second, diff_dir = rows_by_file(sys.argv[1]), rows_by_file(sys.argv[2]), sys.argv[3]
    os.makedirs(diff_dir, exist_ok=True)
    counts = dict.fromkeys(
        ["cards", "kind", "params", "active", "date", "is_base", "scores_first", "scores_second", "alike",
         "named_otherwise", "only_first", "only_second", "cards_differing"], 0)
    for file, rows_b in second.items():
        rows_a = first.get(file, [])
        card_a, card_b = card_row(rows_a), card_row(rows_b)
        counts["cards"] += 1
        differs = False
        if card_a is None or card_b is None or card_a["kind"] != card_b["kind"]:
            differs = True
        else:
            counts["kind"] += 1
            checks = {
                "params": params_agree(card_a["params"], card_b["params"]),
                "active": params_agree(card_a["active"], card_b["active"]),
                "date": (card_a["date"], card_a["date_precision"]) == (card_b["date"], card_b["date_precision"]),
                "is_base": card_a["is_base"].lower() == card_b["is_base"].lower(),
            }
            for field, same in checks.items():
                counts[field] += same
                differs |= not same
        alike, otherwise, only_a, only_b = pair_scores(rows_a, rows_b)
        counts["scores_first"] += sum(r["kind"] == "score" for r in rows_a)
        counts["scores_second"] += sum(r["kind"] == "score" for r in rows_b)
        counts["alike"] += alike
        counts["named_otherwise"] += otherwise
        counts["only_first"] += len(only_a)
        counts["only_second"] += len(only_b)
        differs |= bool(otherwise or only_a or only_b)
        # (Averages flagged differently are a difference too.)
        avg = lambda rows: sorted(number(r["value"]) or 0 for r in rows if r["kind"] == "score" and r["is_average"] == "1")
        differs |= avg(rows_a) != avg(rows_b)
        if differs:
            counts["cards_differing"] += 1
            n = counts["cards_differing"]
            fields = ["reading"] + list(rows_b[0].keys())
            with open(os.path.join(diff_dir, f"{n}.csv"), "w", newline="") as out:
                w = csv.DictWriter(out, fieldnames=fields)
                w.writeheader()
                for name, rows in (("first", rows_a), ("second", rows_b)):
                    for r in rows:
                        w.writerow({"reading": name, **{k: r.get(k, "") for k in fields[1:]}})
    for k, v in counts.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
