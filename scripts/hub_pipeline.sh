#!/usr/bin/env bash
# Prints the pipeline of the hub crawl benchmark and the mid-crawl crash trials: one list crawl
# (500 a page, newest first, enough pages for N models) of the stand-in on PORT, at RPS and BURST.
#
#   scripts/hub_pipeline.sh N PORT RPS BURST
set -euo pipefail
cat <<TOML
name = "hub"
[fetch]
max_attempts = 2
[hosts."127.0.0.1"]
rps = $3
burst = $4
[[sources]]
kind = "hf_models"
endpoint = "http://127.0.0.1:$2"
[[sources.discover]]
limit = 500
max_pages = $(($1 / 500 + 2))
sort = "createdAt"
TOML
