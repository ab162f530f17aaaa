#!/usr/bin/env bash
# The whole card corpus through the real release binary, on loopback only.
#
#   scripts/corpus_run.sh [CORPUS_DIR=../shared/corpus/hf-readme-2024] [REPS=5]
#
#   KEEP=1     keep the work folder (pipeline, Parquet output, stderr) and print its path
#   SKIP_PARSE_CPU=1   skip the isolated parse timing
#   NO_API=1   the stand-in serves only the cards (every /api/models call a 404, tolerated by the
#              pipeline's max_failure_ratio): the issue's own protocol; coverage should not change
#
# examples/corpus_server.rs serves every `<org>__<name>.README.md` of the corpus (read in place)
# as a Hub stand-in: `/api/models/<org>/<name>` is a minimal `{"id": …}` and
# `/<org>/<name>/resolve/main/README.md` the card's bytes; everything else (config.json) is 404,
# so the card alone decides. densing runs an `hf_models` source over every id plus an `hf_files`
# source, under `/usr/bin/time -v`. Reports: exit status, panics in stderr, wall time, user+sys
# CPU and CPU per card, peak RSS, requests, and coverage from the Parquet (models with
# params_total, with a release date, with at least one score; distinct benchmarks; score rows),
# read with pyarrow (`python3 -m pip install -r tests/warehouse/requirements.txt`).
# Then examples/card_parse_cpu.rs times `parse_card` on every card in isolation (median/p99 per
# card, release build): the issue's "median CPU per card <= 1 ms".
#
# Honours CARGO_TARGET_DIR (default: target/).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(realpath "${1:-../shared/corpus/hf-readme-2024}")
REPS=${2:-5}
TARGET=${CARGO_TARGET_DIR:-target}
PORT=$((20000 + RANDOM % 20000))
python3 -c 'import pyarrow' 2>/dev/null || { echo "pyarrow missing: python3 -m pip install -r tests/warehouse/requirements.txt" >&2; exit 2; }
cargo build --release --quiet --bin densing --example corpus_server --example card_parse_cpu
CORPUS_NO_API=${NO_API:-0} "$TARGET/release/examples/corpus_server" "$PORT" "$CORPUS" >/dev/null &
SERVER=$!
WORK=$(mktemp -d)
if [[ "${KEEP:-0}" == 1 ]]; then
  trap 'kill $SERVER 2>/dev/null; echo "work folder kept: $WORK"' EXIT
else
  trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
fi
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/ids" >"$WORK/ids.txt"
python3 - "$PORT" "$WORK/ids.txt" >"$WORK/corpus.toml" <<'PY'
import json, os, sys
port, ids = sys.argv[1], [l for l in open(sys.argv[2]).read().splitlines() if l]
endpoint = f"http://127.0.0.1:{port}"
print('name = "corpus"')
print("[fetch]\nmax_in_flight = 64\nmax_attempts = 2\ntimeout_secs = 30\nbackoff_base_secs = 0.05")
print('[hosts."127.0.0.1"]\nrps = 5000\nburst = 200')
print("[run]\nmax_failure_ratio = " + ("1.0" if os.environ.get("NO_API") == "1" else "0.05"))
print(f'[[sources]]\nkind = "hf_models"\nendpoint = "{endpoint}"')
print("models = [" + ", ".join(json.dumps(i) for i in ids) + "]")
print(f'[[sources]]\nkind = "hf_files"\nendpoint = "{endpoint}"')
PY
N=$(wc -l <"$WORK/ids.txt")
set +e
/usr/bin/time -v "$TARGET/release/densing" run --pipeline "$WORK/corpus.toml" --out "$WORK/out" --json \
  >"$WORK/run.json" 2>"$WORK/run.err"
STATUS=$?
set -e
STATS=$(curl -s "http://127.0.0.1:$PORT/stats")
python3 - "$STATUS" "$N" "$WORK" "$STATS" <<'PY'
import glob, json, os, re, sys
import pyarrow.parquet as pq

status, n, work, stats = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4].split()
err = open(os.path.join(work, "run.err"), errors="replace").read()
def timev(label):
    m = re.search(re.escape(label) + r": (.+)", err)
    return m.group(1).strip() if m else None
def seconds(clock):
    parts = [float(p) for p in clock.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
wall = seconds(timev("Elapsed (wall clock) time (h:mm:ss or m:ss)"))
user, sys_ = float(timev("User time (seconds)")), float(timev("System time (seconds)"))
rss_mb = int(timev("Maximum resident set size (kbytes)")) / 1024
panics = [l for l in err.splitlines() if "panicked" in l]
print(f"corpus run: {n} cards served, exit status {status}, panics {len(panics)}")
for l in panics[:5]:
    print("  " + l[:300])
print(f"  wall {wall:.1f} s, CPU user {user:.2f} s + sys {sys_:.2f} s = {user + sys_:.2f} s "
      f"({1000 * (user + sys_) / n:.2f} ms per card), peak RSS {rss_mb:.0f} MB")
plain = re.sub(r"\x1b\[[0-9;]*m", "", err)
warnings = {}
for l in plain.splitlines():
    m = re.search(r" (WARN|ERROR) .*?: (.*)$", l)
    if m:
        key = f"{m.group(1)} {m.group(2)[:100]}"
        warnings[key] = warnings.get(key, 0) + 1
print(f"  log: {sum(warnings.values())} WARN/ERROR lines" + "".join(
    f"\n    {c} x {w}" for w, c in sorted(warnings.items(), key=lambda kv: -kv[1])[:5]))
requests, served, not_found, body = map(int, stats)
print(f"  server: {requests} requests, {served} served, {not_found} 404 (config.json etc.), {body / 1e6:.1f} MB of bodies")
try:
    summary = json.load(open(os.path.join(work, "run.json")))["summary"]
    print("  densing summary: " + ", ".join(f"{k}={v}" for k, v in summary.items() if not isinstance(v, (dict, list))))
except Exception as e:  # a failed run may print no JSON
    print(f"  no JSON summary ({e})")
out = os.path.join(work, "out")
latest_file = os.path.join(out, "LATEST")
if not os.path.exists(latest_file):
    print("  no snapshot published")
    sys.exit(0)
latest = open(latest_file).read().strip()
def table(name):
    return pq.read_table(glob.glob(os.path.join(out, name, f"snapshot={latest}", "*.parquet"))).to_pylist()
models, scores = table("models"), table("scores")
with_params = sum(1 for m in models if m["params_total"] is not None)
by_source = {}
for m in models:
    if m["params_total"] is not None:
        by_source[m["params_source"]] = by_source.get(m["params_source"], 0) + 1
with_date = sum(1 for m in models if m["release_date"] is not None)
with_base = sum(1 for m in models if m["is_base"] is not None)
scored = {s["model_id"] for s in scores}
benchmarks = {}
for s in scores:
    benchmarks[s["benchmark"]] = benchmarks.get(s["benchmark"], 0) + 1
details = {}
for s in scores:
    details[s["source_detail"]] = details.get(s["source_detail"], 0) + 1
pct = lambda k: f"{k} ({100 * k / max(len(models), 1):.1f}%)"
print(f"  coverage: {len(models)} models; params_total {pct(with_params)} by source {by_source}; "
      f"release_date {pct(with_date)}; is_base {pct(with_base)}")
print(f"  scores: {len(scores)} rows, {pct(len(scored))} models with >=1 score, "
      f"{len(benchmarks)} distinct benchmarks, by source_detail {details}")
# The canonical ids of tests/it/data/cards/LABELLING.md: LLM benchmarks, not MTEB's hundreds.
canonical = set("""agieval alpaca_eval arc_challenge arc_easy bbh big_bench boolq ceval cmmlu commonsenseqa drop gpqa
gsm8k hellaswag humaneval humaneval_plus ifeval lambada math math_lvl5 mbpp mbpp_plus mmlu mmlu_pro mt_bench musr
naturalquestions openbookqa piqa quac race siqa squad triviaqa truthfulqa winogrande""".split())
on_canonical = [s for s in scores if s["benchmark"] in canonical]
print(f"  on the {len(canonical)} canonical ids: {len(on_canonical)} rows, "
      f"{pct(len({s['model_id'] for s in on_canonical}))} models, "
      f"{len({s['benchmark'] for s in on_canonical})} ids seen")
top = sorted(benchmarks.items(), key=lambda kv: -kv[1])[:15]
print("  top benchmarks: " + ", ".join(f"{b} {c}" for b, c in top))
PY
if [[ "${SKIP_PARSE_CPU:-0}" != 1 ]]; then
  "$TARGET/release/examples/card_parse_cpu" "$CORPUS" "$REPS"
fi
