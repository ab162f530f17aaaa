#!/usr/bin/env bash
# A PNG of the sample's HTML report, for review and for the README.
#   scripts/report_screenshot.sh [OUT.png] [WIDTHxHEIGHT] [INDEX.html]
# Without INDEX.html, runs the bundled sample into a temporary folder first (no network).
# Chromium runs headless with its background services off and a fresh profile: the page must
# not need the network, and these machines have none.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/report.png}"
size="${2:-1100x2200}"
page="${3:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$page" ]; then
  id="$(cargo run -q -- run --pipeline pipelines/sample.toml --out "$tmp/output" 2>/dev/null)"
  page="$tmp/output/_snapshots/$id/index.html"
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$(dirname "$out")"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$tmp/profile" --window-size="${size/x/,}" \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$page")" 2>/dev/null
# 256 colours keep the PNG small enough for the repo (the page is mostly flat colour).
if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --output "$out" 256 -- "$out" || true; fi
echo "$out ($(du -k "$out" | cut -f1) KB) from $page"
