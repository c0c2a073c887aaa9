#!/usr/bin/env bash
# Issue 13 — `cadre atelier` under load, on loopback: 50 collectivités invited and activated,
# then 50 simulated users edit step 3 of their strategy and autosave it for 60 s (think time
# 0.5 to 1 s, seeded); p50/p95/max save latency, saves per second, errors, and a check that
# every user's last acknowledged save is in its exported YAML. Target: p95 < 150 ms on 2 cores.
# USERS, DURATION (s) and SEED override the defaults; CADRE the binary (release by default).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup --test >/dev/null
if [ -z "${CADRE:-}" ]; then
  swift build -c release --product cadre >/dev/null
fi
exec .venv-tests/bin/python Benchmarks/atelier_load.py
