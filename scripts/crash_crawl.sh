#!/usr/bin/env bash
# Mid-crawl crash trials; run through `scripts/crash_test.sh --crawl [TRIALS] [SEED] [MODELS]`.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-8}
RANDOM=${2:-42}
MODELS=${3:-20000}
BIN=${CARGO_TARGET_DIR:-target}/release
cargo build --release --quiet --bin densing --example bench_server
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
# About a cold crawl's length at rps 100 and 20 ms a page, writing included, to spread the kill points.
span_ms=$((MODELS / 500 * 60 + 1000))
for trial in $(seq 1 "$TRIALS"); do
  PORT=$((20000 + RANDOM % 20000))
  "$BIN/examples/bench_server" "$PORT" 20 "$MODELS" >/dev/null &
  SERVER=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null && break; sleep 0.1; done
  OUT="$WORK/out$trial"
  scripts/hub_pipeline.sh "$MODELS" "$PORT" 100 5 >"$WORK/crawl.toml"
  delay_ms=$((RANDOM % span_ms))
  DENSING_LOG=error "$BIN/densing" run --pipeline "$WORK/crawl.toml" --out "$OUT" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  killed=no
  if kill -9 "$pid" 2>/dev/null; then killed=yes; fi
  wait "$pid" 2>/dev/null || true
  pages_before=$(curl -s "http://127.0.0.1:$PORT/stats" | cut -d' ' -f1)
  ids=$("$BIN/densing" snapshots list --out "$OUT" --json | python3 -c 'import json,sys; print(" ".join(s["snapshot_id"] for s in json.load(sys.stdin)))')
  for id in $ids; do
    "$BIN/densing" snapshots verify "$id" --out "$OUT" >/dev/null || { echo "trial $trial: $id does not verify"; exit 1; }
  done
  DENSING_LOG=error "$BIN/densing" run --pipeline "$WORK/crawl.toml" --out "$OUT" --json >"$WORK/second.json" 2>/dev/null \
    || { echo "trial $trial: the run after the kill failed"; exit 1; }
  summary=$(curl -s "http://127.0.0.1:$PORT/summary")
  python3 - "$trial" "$MODELS" "$WORK/second.json" "$summary" "$killed" "$delay_ms" "$pages_before" <<'PY'
import json, sys
trial, models, out, summary, killed, delay, before = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3])), json.loads(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
rows = sum(f.get("rows") or 0 for f in out["files"] if f.get("table") == "models")
twice = summary["urls_with_body_sent_twice"]
print(f"trial {trial}: killed={killed} after {delay} ms ({before} pages asked); second run: {rows} models, "
      f"{out['summary']['not_modified']} pages 304, {twice} page bodies sent twice")
if rows != models:
    sys.exit(f"trial {trial}: {rows} models, expected {models}")
if twice > 1:
    sys.exit(f"trial {trial}: {twice} pages sent twice; only the one in flight may be")
PY
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true
  SERVER=
done
echo "$TRIALS crawl trials: every killed crawl resumed from the archive; all snapshots verified"
