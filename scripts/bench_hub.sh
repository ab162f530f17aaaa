#!/usr/bin/env bash
# Whole-Hub crawl benchmark: densing discovers N models through the list endpoint of a local Hub
# stand-in (examples/bench_server: 500 a page, cursor in the Link header, ETags, LATENCY_MS per
# request), cold and then again with nothing changed (every page a conditional request).
#
#   scripts/bench_hub.sh [N=100000] [RPS=50] [LATENCY_MS=5] [BURST=1]
#
# Per run it prints the models in the snapshot, wall time, requests, peak RSS, body bytes moved,
# the rate achieved against RPS (from the server's own arrival times), the most requests seen in
# any 1 s and 10 s window against the allowance RPS×W + burst, and a verdict per bar of issue 13.
# Results are kept in $BENCH_RESULTS (default /tmp/densing-bench-hub) as N.json, so a run at N
# can check linear time against an earlier run at N/10.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RPS=${2:-50}
LATENCY=${3:-5}
BURST=${4:-1}
RESULTS=${BENCH_RESULTS:-/tmp/densing-bench-hub}
BIN=${CARGO_TARGET_DIR:-target}/release
PORT=$((20000 + RANDOM % 20000))
cargo build --release --quiet --bin densing --example bench_server
"$BIN/examples/bench_server" "$PORT" "$LATENCY" "$N" >/dev/null &
SERVER=$!
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null && break; sleep 0.1; done
mkdir -p "$RESULTS"
scripts/hub_pipeline.sh "$N" "$PORT" "$RPS" "$BURST" >"$WORK/hub.toml"
run() {
  local label=$1 before code=0
  before=$(curl -s "http://127.0.0.1:$PORT/stats" | cut -d' ' -f1)
  /usr/bin/time -v "$BIN/densing" run --pipeline "$WORK/hub.toml" --out "$WORK/out" --json \
    >"$WORK/$label.json" 2>"$WORK/$label.err" || code=$?
  curl -s "http://127.0.0.1:$PORT/log" | tail -n +2 | tail -n +"$((before + 1))" >"$WORK/$label.tsv"
  echo "$code" >"$WORK/$label.code"
}
run cold
run warm
python3 - "$N" "$RPS" "$BURST" "$LATENCY" "$WORK" "$RESULTS" <<'PY'
import json, os, re, sys
n, rps, burst, latency, work, results = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]

def windows(times, width):
    """Most requests in any window [t, t + width) starting at a request, and how many such
    windows hold more than the allowance rps × width + burst."""
    allowance, most, over, j = rps * width + burst, 0, 0, 0
    for i, t in enumerate(times):
        while j < len(times) and times[j] < t + width:
            j += 1
        most = max(most, j - i)
        over += (j - i) > allowance
    return most, allowance, over

def measure(label):
    err = open(f"{work}/{label}.err").read()
    code = int(open(f"{work}/{label}.code").read())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    h, m, s = ([0, 0] + re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", err).group(1).split(":"))[-3:]
    wall = int(h) * 3600 + int(m) * 60 + float(s)
    try:
        out = json.load(open(f"{work}/{label}.json"))
    except ValueError:
        sys.exit(f"{label}: densing exited {code} without a summary:\n{err[-2000:]}")
    models = sum(f.get("rows") or 0 for f in out["files"] if f.get("table") == "models")
    rows = [l.split("\t") for l in open(f"{work}/{label}.tsv").read().splitlines() if l]
    times = sorted(int(r[0]) / 1e6 for r in rows)
    body = sum(int(r[2]) for r in rows)
    span = times[-1] - times[0] if len(times) > 1 else 0
    rate = (len(times) - 1) / span if span else 0
    w1, w10 = windows(times, 1.0), windows(times, 10.0)
    r = dict(label=label, n=n, exit=code, models=models, wall=wall, requests=len(rows), rss_mb=rss, body_bytes=body,
             rate=rate, rate_pct=100 * rate / rps, w1=w1, w10=w10, not_modified=out["summary"]["not_modified"])
    print(f"{label:>5}: models={models} wall={wall:.1f}s requests={len(rows)} peak_rss={rss:.0f} MB "
          f"body_bytes={body} ({body / 1e6:.1f} MB) 304s={r['not_modified']} exit={code}")
    print(f"       rate={rate:.2f} req/s = {r['rate_pct']:.1f}% of {rps:g}; "
          f"max in 1 s: {w1[0]} (allowance {w1[1]:g}, over: {w1[2]}); "
          f"max in 10 s: {w10[0]} (allowance {w10[1]:g}, over: {w10[2]})")
    return r

print(f"N={n} RPS={rps:g} burst={burst} latency={latency} ms")
cold, warm = measure("cold"), measure("warm")
warm_pct = 100 * warm["body_bytes"] / max(cold["body_bytes"], 1)
print(f"warm moved {warm_pct:.2f}% of the cold bytes")
json.dump({"cold": cold, "warm": warm}, open(f"{results}/{n}.json", "w"))

def verdict(ok, text):
    print(f"{'PASS' if ok else 'FAIL'}  {text}")

verdict(cold["models"] == n and warm["models"] == n, f"every model in the snapshot: cold {cold['models']}, warm {warm['models']} of {n}")
verdict(max(cold["rss_mb"], warm["rss_mb"]) <= 256, f"peak RSS <= 256 MB: cold {cold['rss_mb']:.0f} MB, warm {warm['rss_mb']:.0f} MB")
tenth = f"{results}/{n // 10}.json"
if n % 10 == 0 and os.path.exists(tenth):
    base = json.load(open(tenth))["cold"]["wall"]
    verdict(cold["wall"] <= 11 * base, f"linear time: {cold['wall']:.1f}s <= 11 x {base:.1f}s (N={n // 10}) = {11 * base:.1f}s")
else:
    print(f"----  linear time: no result at N={n // 10} in {results} to compare with")
verdict(cold["rate_pct"] >= 97, f">= 97% of the configured rate: {cold['rate_pct']:.1f}%")
over = cold["w1"][2] + cold["w10"][2] + warm["w1"][2] + warm["w10"][2]
verdict(over == 0, f"no over-limit window (1 s and 10 s, both runs): {over}")
verdict(warm_pct <= 5, f"warm rerun moves <= 5% of the cold bytes: {warm_pct:.2f}%")
PY
