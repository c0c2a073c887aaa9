#!/usr/bin/env bash
# Issue 12 — `cadre serve`: time from a chapter's file being written to its new text being in
# the page open in a real headless Chromium, 50 edits; p50 and p95. Then an edit of a data file
# every chapter uses. Hugo's server (Debian) on the same chapters, same run, for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup --test >/dev/null
exec .venv-tests/bin/python Benchmarks/serve_latency.py "${EDITS:-50}"
