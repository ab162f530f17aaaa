#!/usr/bin/env bash
# End-to-end benchmark: densing against a local Hub stand-in with latency, for N models.
#
#   scripts/bench_e2e.sh [N=1000] [RPS=1000] [LATENCY_MS=50]
#
# The server (examples/bench_server.rs) answers /api/models/{id} for any id with a renamed copy of
# a real fixture response, after LATENCY_MS. densing runs the built-in Hugging Face source over N
# ids at RPS requests/s (burst 10), cold and then again with nothing changed (conditional
# requests, 304s). Reports wall time, requests, achieved req/s against the limit, peak RSS
# (/usr/bin/time -v), and the body bytes each run moved.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
RPS=${2:-1000}
LATENCY=${3:-50}
PORT=$((20000 + RANDOM % 20000))
cargo build --release --quiet --bin densing --example bench_server
target/release/examples/bench_server "$PORT" "$LATENCY" >/dev/null &
SERVER=$!
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null && break; sleep 0.1; done
python3 - "$N" "$RPS" "$PORT" > "$WORK/bench.toml" <<'PY'
import sys
n, rps, port = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
print('name = "bench"\n[fetch]\nmax_in_flight = 512\nmax_attempts = 2\n[hosts."127.0.0.1"]')
print(f"rps = {rps}\nburst = 10\n[run]\nmax_failure_ratio = 0.01\n[[sources]]\nkind = \"hf_models\"")
print(f'endpoint = "http://127.0.0.1:{port}"')
print("models = [" + ", ".join(f'"bench-org{i % 1000:03d}/model-{i:06d}-7B"' for i in range(n)) + "]")
PY
run() {
  local label=$1
  local before after
  before=$(curl -s "http://127.0.0.1:$PORT/stats")
  /usr/bin/time -v target/release/densing run --pipeline "$WORK/bench.toml" --out "$WORK/out" --json \
    >"$WORK/$label.json" 2>"$WORK/$label.err"
  after=$(curl -s "http://127.0.0.1:$PORT/stats")
  python3 - "$label" "$N" "$RPS" "$before" "$after" "$WORK/$label.json" "$WORK/$label.err" <<'PY'
import json, re, sys
label, n, rps = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
(r0, b0), (r1, b1) = (map(int, sys.argv[4].split()), map(int, sys.argv[5].split()))
summary = json.load(open(sys.argv[6]))["summary"]
err = open(sys.argv[7]).read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
wall = summary["duration_secs"]
reqs = r1 - r0
print(f"{label:>5}: N={n} wall={wall:.1f}s requests={reqs} achieved={reqs / wall:.0f} req/s "
      f"(limit {rps:.0f}, {100 * reqs / wall / rps:.1f}%) peak_rss={rss_kb / 1024:.0f} MB "
      f"body_bytes={b1 - b0} failures={summary['failures']} not_modified={summary['not_modified']}")
PY
}
run cold
run warm
