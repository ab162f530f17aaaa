#!/usr/bin/env python3
"""Time the card parser on hostile cards: ~400 KB of one phrase repeated, one card per phrase; and
real corpus cards made hostile.

    scripts/hostile_cards.py [LIMIT_SECONDS=2] [CORPUS_CARDS=100] [SEED=63]

A rule that scans the card once per match of its phrase, or backwards to the line's start for every
match, is quadratic: a card that repeats the phrase on one long line then takes minutes. Session 42
found three such scans this way (a sibling-name scan, the base/tune phrase lines, HTML comments):
one card took 287 s. Each card here repeats a phrase or table line the parser branches on. The script
builds `examples/card_parse_cpu`, runs it once over the cards, prints the slowest, and exits 1 if
any card takes more than LIMIT_SECONDS of CPU. It is not a test: timings belong to benchmarks.

Besides the phrases, CORPUS_CARDS cards of `../shared/corpus/hf-readme-2024/` (a seeded draw, read in
place) are written twice to ~400 KB: as one line (the card's lines joined by spaces, then repeated: a heading
or sentence of a paragraph's length) and repeated whole. Session 63 found two more quadratic reads this way
(a heading of 400 KB read again for each table under it: 58 s; the line before each "fine-tuned version of"
read from the line's start: 6 s). `CORPUS_CARDS=3398` sweeps the whole corpus (~15 min).
"""
import os
import random
import re
import subprocess
import sys
import tempfile

LIMIT = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
CORPUS_CARDS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 63
SIZE = 400_000

UNITS = {
    "release": "2024-01-01 We released Foo-7B-Chat. ",
    "params": "Foo-7B has 7 billion parameters and 13B total parameters. ",
    "percent": "Foo-7B achieves 50% on MMLU. ",
    "percent_lines": "Foo-7B achieves 50% on MMLU.\n",
    "pipes": "| Foo-7B | 1 |",
    "table_rows": "| Foo-7B | 50.1 | 60.2 |\n",
    "table_starts": "\n| a | b |\n|---|---|\n",
    "html_rows": "<tr><td>Foo-7B</td><td>1</td></tr>",
    "html_comments": "<!-- <tr>",
    "headings": "## MMLU\n",
    "sibling_names": "foo-7b-base foo-7b-chat ",
    "one_token": "foo",
    "sizes": "7B 13B 70B ",
    "shots": "MMLU (5-shot), GSM8K (8-shot), ",
    "links": "[Foo](https://huggingface.co/org/Foo-7B) ",
    "fenced_tables": "```\n| a | b |\n",
    "lists": "- MMLU: 50.1\n",
    "json": '{"mmlu": 50.1, ',
    # Shots listed before each of many tables (each table looks back over the text before it).
    "shots_tables": "MMLU (5-shot), BBH (3-shot), GSM8K (8-shot)\n\n| Model | MMLU |\n|---|---|\n| Foo-7B | 50.1 |\n\n",
    # A suite's setting and its members, many to a line, before each of many tables.
    "suite_shots": "EvalPlus (0-shot) (HumanEval) " * 200 + "\n\n| Model | HumanEval |\n|---|---|\n| Foo-7B | 50.1 |\n\n",
    "brackets": "(((((",
    "bold": "**Foo-7B** ",
    "lm_eval": "|mmlu|0|acc|0.5|±|0.01|\n",
    "quotes": "> Foo-7B is a fine-tuned model. ",
    "example_phrases": "Example: x is a pretrained ",
    "sibling_phrases": "foo-7b-chat is a pretrained ",
    "chinese_news": "发布了Foo-7B模型，",
    # Wrapper lines (one run with text, not a blank line, after it), folded tables, references.
    "wrappers": ("<div>\n", "text\n"),
    "folded_tables": "<details open>\n\n| Model | MMLU |\n|---|---|\n| Foo-7B | 50.1 |\n\n</details>\n",
    "reference_links": "[Foo-7B][r] and [MMLU]\n\n[r]: https://huggingface.co/org/Foo-7B\n[mmlu]: https://x.io\n\n",
    # Link openings with no address closed, the card's own Hub id (`{id}`) and own-page links in
    # prose, tables in a quote, numbers in bold.
    "link_opens": "[Foo](x ",
    "own_ids": "{id} has 7 billion parameters, ",
    "own_links": "[Foo-7B](https://huggingface.co/{id}) has 7 billion parameters, ",
    "quoted_tables": "> | a | b |\n> |---|---|\n",
    "bold_numbers": "**7** billion parameters **",
    # HTML headings in one block (each heading's text is parsed as HTML).
    "html_headings": "<h2>Foo &amp; <b>7B</b></h2>\n",
    "chinese_counts": "参数量为 70 亿，参数规模：7B，",
    "chinese_links": "参数量为为为约共计：",
    "near_labels": "| Task | Foo 7B chat | Foo 7B base |\n|---|---|---|\n| X | 1 | 2 |\n\n",
    # One sentence about the model (`{name}`, its repo name) that never ends: each value in it is
    # read against the text before it.
    "percent_run": "{name} achieves 50% on MMLU, ",
    "scored_run": "{name} achieves 94.3 on MMLU, ",
    "versus_run": "{name} outperforms Bar-7B (MMLU: 50.1 vs 40.2; ",
    "respectively_run": "{name} achieves 50.1, 60.2 and 70.3 on MMLU, GSM8K and MATH, respectively, and ",
    "params_run": "{name} has 7 billion parameters and ",
    "dates_run": "[2024.05.30] We released {name} and ",
    "tuned_run": "{name} is fine-tuned from Llama-2-7B, based on Mistral-7B, ",
    "slashed_run": "Foo-1B/",
    # The card's opening line, read for tune and merge wording with a few words around each match.
    "opening_tunes": "This is a merge of Foo and can be fine-tuned from Bar, not a merge of data, ",
    "opening_qlora": "qlora ",
    # A table after a paragraph of 400 KB (its lead-in and title are looked for before it).
    "lead_in": ("the results of {name} on MMLU are ", "\n\n| Model | MMLU |\n|---|---|\n| {name} | 50.1 |\n"),
    "wide_header": ("| MMLU ", "|\n" + "|---" * 1000 + "|\n"),
}

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "card_parse_cpu"], cwd=root, check=True)
with tempfile.TemporaryDirectory() as cards:
    for i, (name, unit) in enumerate(UNITS.items()):
        # (A unit may come with the text that ends its card.)
        unit, tail = unit if isinstance(unit, tuple) else (unit, "\n")
        # `<org>__<name>.README.md`, as the corpus names its cards: the model is Foo-7B-<name>.
        path = os.path.join(cards, f"org{i}__Foo-7B-{name}.README.md")
        named = lambda t: t.replace("{id}", f"org{i}/Foo-7B-{name}").replace("{name}", f"Foo-7B-{name}")
        unit, tail = named(unit), named(tail)
        with open(path, "w") as f:
            f.write("# Foo-7B\n\n" + unit * (SIZE // len(unit)) + tail)
    corpus = os.path.join(root, "..", "shared", "corpus", "hf-readme-2024")
    names = sorted(os.listdir(corpus)) if os.path.isdir(corpus) else []
    for name in random.Random(SEED).sample(names, min(CORPUS_CARDS, len(names))):
        with open(os.path.join(corpus, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        # (The front matter kept once, at the top, as the Hub serves it.)
        front, body = text.split("\n---\n", 1) if text.startswith("---") and "\n---\n" in text else ("", text)
        front = front + "\n---\n" if front else ""
        for variant, piece in [("joined", body.replace("\n", " ") + " "), ("repeated", body + "\n")]:
            # (The model's name kept: `<org>__<name>-<variant>` would be another model.)
            folder = os.path.join(cards, variant)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "w") as f:
                f.write(front + piece * (SIZE // max(len(piece), 1) + 1))
    binary = os.path.join(target, "release", "examples", "card_parse_cpu")
    folders = [cards] + [os.path.join(cards, v) for v in ("joined", "repeated") if os.path.isdir(os.path.join(cards, v))]
    runs = [subprocess.run([binary, f, "1"], capture_output=True, text=True, check=True).stdout for f in folders]
for folder, out in zip(["phrases", "corpus cards joined", "corpus cards repeated"], runs):
    print(f"## {folder}\n{out}")
slow = []
for line in "\n".join(runs).splitlines():
    m = re.match(r"\s+([\d.]+)(ms|s|µs)\s+\d+ bytes\s+(\S+)", line)
    if m:
        seconds = float(m.group(1)) * {"s": 1, "ms": 1e-3, "µs": 1e-6}[m.group(2)]
        if seconds > LIMIT:
            slow.append((m.group(3), seconds))
for name, seconds in slow:
    print(f"SLOW: {name} {seconds:.2f} s")
sys.exit(1 if slow else 0)
