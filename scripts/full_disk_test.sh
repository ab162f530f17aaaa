#!/usr/bin/env bash
# A full disk during the write: on a small tmpfs (needs root), publish one snapshot, fill the disk,
# run again. The second run must exit 3 with a clear message, and the first snapshot must still
# verify and stay LATEST.
#
#   sudo scripts/full_disk_test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN=$PWD/target/release/densing
MNT=$(mktemp -d)
mount -t tmpfs -o size=1500k tmpfs "$MNT"
trap 'umount "$MNT"; rmdir "$MNT"' EXIT
OUT="$MNT/output"
DENSING_LOG=error "$BIN" run --pipeline pipelines/sample.toml --out "$OUT" >/dev/null
first=$(cat "$OUT/LATEST")
# Leave about 60 KB free: the run starts (lock, archive index) and runs out while writing.
free_kb=$(df -k --output=avail "$MNT" | tail -1)
dd if=/dev/zero of="$MNT/fill" bs=1k count=$((free_kb - ${LEAVE_KB:-60})) 2>/dev/null || true
set +e
DENSING_LOG=error "$BIN" run --pipeline pipelines/sample.toml --out "$OUT" >/dev/null 2>"$MNT/../densing-full-disk.err"
code=$?
set -e
echo "second run exit code: $code"
echo "its message: $(tail -1 "$MNT/../densing-full-disk.err")"
[ "$code" -eq 3 ] || { echo "expected exit 3"; exit 1; }
[ "$(cat "$OUT/LATEST")" = "$first" ] || { echo "LATEST moved"; exit 1; }
rm -f "$MNT/fill"
"$BIN" snapshots verify "$first" --out "$OUT"
echo "full disk: exit 3, previous snapshot $first intact and LATEST"
