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
# First production: the output folder is new. The previous one is moved aside (not deleted:
# ext4 without a journal skips recently freed inodes when it allocates, which would slow the
# next run), and the set aside folders are deleted once all runs are done.
first_production() {
  if [ -d "$out" ]; then mv "$out" "$work/strategies/mis-de-cote-$RANDOM$RANDOM"; fi
  .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$out"
}
first=$(best first_production)
rm -rf "$work"/strategies/mis-de-cote-*
# Production again: every document replaces its previous version (staged, swapped in, the old one deleted).
again=$(best .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$out")
produced=$(ls "$out/strategies" | grep -vc '^assets$')
peak=$( ( /usr/bin/time -f "%M" .build/release/cadre strategie --all --jobs 2 --root "$project" --output "$out" 2>&1 >/dev/null ) | tail -1 )
pandoc_runs() {
  ls "$work"/strategies/markdown/*.md | xargs -P 2 -I{} pandoc -f gfm -t html -s --metadata title=strategie -o /dev/null {}
}
pandoc=$(RUNS=1 best pandoc_runs)

python3 - "$count" "$produced" "$first" "$again" "$pandoc" "$peak" <<'PY'
import sys
count, produced, first, again, pandoc, peak = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
print(f"### Documents de stratégie : {count} collectivités ({produced} documents produits)")
print("| outil | temps (s) | documents/s |")
print("|---|---|---|")
print(f"| cadre strategie --all --jobs 2 (HTML), dossier de sortie neuf | {first:.2f} | {count / first:.0f} |")
print(f"| cadre strategie --all --jobs 2 (HTML), remplace les {count} documents précédents | {again:.2f} | {count / again:.0f} |")
print(f"| pandoc, un fichier Markdown équivalent par document, 2 à la fois | {pandoc:.2f} | {count / pandoc:.0f} |")
print()
print(f"cadre : {first:.2f} s pour {count} documents neufs, {again:.2f} s pour les remplacer (objectif < 3 s) ; pandoc {pandoc / first:.1f}× plus lent")
print(f"mémoire maximale de cadre : {peak / 1024:.0f} Mo (objectif < 200 Mo)")
PY
