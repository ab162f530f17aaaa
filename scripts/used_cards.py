"""The names the draw scripts exclude: every labelled, pooled, corpus and fixture card."""
import csv
import os

LABELS = os.path.join(os.path.dirname(__file__), "..", "tests", "it", "data")


def bare(name):
    """A card's name without owner, case or a "-hf"/"-bf16"/"-fp16" suffix."""
    name = name.lower().split("/")[-1]
    for suffix in ("-hf", "-bf16", "-fp16"):
        name = name.removesuffix(suffix)
    return name


def used_names(shared, pool_folders=True):
    """`pool_folders` adds the mirror folder names of pool cards (only a mirror's draw needs them)."""
    used = set()
    for row in csv.DictReader(open(os.path.join(LABELS, "cards", "pool.csv"))):
        used.add(row["model_id"])
        if pool_folders:
            used.add(row["path"].removesuffix("/index.md").removesuffix("/README.md"))
    for f in ["cards/dev.csv", "cards/dev_pool.csv", "cards/validation.csv", "extraction/truth.csv"]:
        used |= {row.get("model_id", "") for row in csv.DictReader(open(os.path.join(LABELS, f)))}
    for f in os.listdir(os.path.join(shared, "corpus", "hf-readme-2024")):
        used.add(f.removesuffix(".README.md").replace("__", "/"))
    for _, _, files in os.walk(os.path.join(shared, "fixtures", "real")):
        used |= {f.split(".")[0].replace("__", "/") for f in files}
    return {bare(u) for u in used if u}


def seen():
    """Repositories or ids the measurer has read outside labelling (`seen.txt`): never drawn."""
    lines = open(os.path.join(LABELS, "cards", "seen.txt")).read().splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
