#!/usr/bin/env bash
# Issue 5 — strategy documents: HTML documents per second for N = 1 000 synthetic collectivités
# (target: under 3 s on 2 cores, peak memory under 200 MB) against pandoc converting the same
# number of equivalent Markdown files (two at a time, as cadre uses two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
count=${BENCH_COLLECTIVITES:-1000}
python3 Benchmarks/generate_collectivites.py "$count" >/dev/null
project="$work/strategies/projet"
out="$work/strategies/out"
cadre=$(best .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$out")
produced=$(ls "$out/strategies" | grep -vc '^assets$')
peak=$( ( /usr/bin/time -f "%M" .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$out" 2>&1 >/dev/null ) | tail -1 )
pandoc_runs() {
  ls "$work"/strategies/markdown/*.md | xargs -P 2 -I{} pandoc -f gfm -t html -s --metadata title=strategie -o /dev/null {}
}
pandoc=$(RUNS=1 best pandoc_runs)

python3 - "$count" "$produced" "$cadre" "$pandoc" "$peak" <<'PY'
import sys
count, produced, cadre, pandoc, peak = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
print(f"### Documents de stratégie : {count} collectivités ({produced} documents produits)")
print("| outil | temps (s) | documents/s |")
print("|---|---|---|")
print(f"| cadre strategie --all --jobs 2 (HTML) | {cadre:.2f} | {count / cadre:.0f} |")
print(f"| pandoc, un fichier Markdown équivalent par document, 2 à la fois | {pandoc:.2f} | {count / pandoc:.0f} |")
print()
print(f"cadre : {cadre:.2f} s pour {count} documents (objectif < 3 s) ; pandoc {pandoc / cadre:.1f}× plus lent")
print(f"mémoire maximale de cadre : {peak / 1024:.0f} Mo (objectif < 200 Mo)")
PY
