#!/usr/bin/env bash
# Crash safety: kill `densing run` with SIGKILL at N seeded random moments (default 50) and after
# each kill check that
#   - every published snapshot (`densing snapshots list`) still verifies against its manifest,
#   - LATEST names a complete snapshot, and no snapshot without a manifest is listed,
#   - the next run, not killed, succeeds.
# The bundled sample runs offline in a fraction of a second, so delays of 0–400 ms land in every
# phase: planning, fetching from the archive, parsing, writing Parquet, publishing.
#
#   scripts/crash_test.sh [TRIALS] [SEED]
#
# With --crawl, each trial instead crawls MODELS synthetic models (default 20,000: 40 list pages
# of 500, 20 ms each) from a fresh local Hub stand-in (examples/bench_server) into a fresh out
# dir, kills the run at a random moment of its expected length, runs again to completion, and
# checks that every listed snapshot verifies, the second run holds all MODELS models, and at most
# one page's body was sent twice (the one in flight at the kill: the archive is the checkpoint).
#
#   scripts/crash_test.sh --crawl [TRIALS=8] [SEED] [MODELS=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--crawl" ]; then
  shift
  exec scripts/crash_crawl.sh "$@"
fi
TRIALS=${1:-50}
RANDOM=${2:-42}
cargo build --release --quiet
BIN=target/release/densing
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
killed_mid_run=0
for trial in $(seq 1 "$TRIALS"); do
  delay_ms=$((RANDOM % 400))
  DENSING_LOG=error "$BIN" run --pipeline pipelines/sample.toml --out "$OUT" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  if kill -9 "$pid" 2>/dev/null; then killed_mid_run=$((killed_mid_run + 1)); fi
  wait "$pid" 2>/dev/null || true
  # Every listed snapshot verifies; LATEST is one of them.
  ids=$("$BIN" snapshots list --out "$OUT" --json | python3 -c 'import json,sys; print(" ".join(s["snapshot_id"] for s in json.load(sys.stdin)))')
  for id in $ids; do
    "$BIN" snapshots verify "$id" --out "$OUT" >/dev/null || { echo "trial $trial: $id does not verify"; exit 1; }
  done
  if [ -f "$OUT/LATEST" ]; then
    latest=$(cat "$OUT/LATEST")
    [ -f "$OUT/_snapshots/$latest/manifest.json" ] || { echo "trial $trial: LATEST $latest has no manifest"; exit 1; }
  fi
  # The next run succeeds (it takes over the stale lock and cleans the leftovers).
  DENSING_LOG=error "$BIN" run --pipeline pipelines/sample.toml --out "$OUT" >/dev/null 2>&1 || { echo "trial $trial: the run after the kill failed"; exit 1; }
  echo "trial $trial: killed after ${delay_ms} ms; $(echo $ids | wc -w) snapshots verified; next run ok"
done
echo "$TRIALS trials, $killed_mid_run killed while running; all published snapshots verified after every kill"
