#!/usr/bin/env bash
# Issue 11 — editable documents: N = 100 synthetic strategy documents written as ODT and DOCX
# (charts rendered to PNG by rsvg-convert) against the HTML-only batch of the same documents.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
count=${BENCH_EDITABLE:-100}
python3 Benchmarks/generate_collectivites.py "$count" >/dev/null
project="$work/editable/projet"
rm -rf "$work/editable" && mkdir -p "$work/editable" && cp -r "$work/strategies/projet" "$project"
html=$(best .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$work/editable/html" --format html)
editable=$(best .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$work/editable/odt-docx" --format html,odt,docx)
files=$(find "$work/editable/odt-docx/strategies" -name '*.odt' -o -name '*.docx' | wc -l)
python3 - "$count" "$files" "$html" "$editable" <<'PY'
import sys
count, files, html, editable = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"### Documents modifiables : {count} collectivités ({files} fichiers ODT et DOCX, délibérations comprises)")
print("| production | temps (s) | documents/s |")
print("|---|---|---|")
print(f"| cadre strategie --all --jobs 2 --format html | {html:.2f} | {count / html:.0f} |")
print(f"| cadre strategie --all --jobs 2 --format html,odt,docx | {editable:.2f} | {count / editable:.0f} |")
print()
print(f"ODT et DOCX en plus du HTML : {editable - html:.2f} s pour {count} documents ({editable / html:.1f}× le lot HTML seul)")
PY
