#!/usr/bin/env bash
# Re-records tests/it/data/sample_tables.json from a run of the bundled sample. Use it only in
# a commit that changes the sample's output on purpose, and say why in that commit.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --quiet -- run --pipeline pipelines/sample.toml --as-of 2026-01-01 --out "$out" --json > "$out/summary.json"
python3 - "$out/summary.json" tests/it/data/sample_tables.json <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
recorded = json.load(open(sys.argv[2]))
recorded["tables"] = {f["table"]: {"sha256": f["sha256"], "rows": f["rows"]} for f in summary["files"] if f.get("table")}
json.dump(recorded, open(sys.argv[2], "w"), indent=2)
open(sys.argv[2], "a").write("\n")
PY
git diff --stat tests/it/data/sample_tables.json
