#!/usr/bin/env bash
# Issue 2 — cadre's HTML build against raw cmark-gfm and pandoc on the same Markdown, in one
# run, reported as throughput (MB/s) and ratios; plus cadre's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
python3 Benchmarks/generate.py "${BENCH_BYTES:-5000000}"
files=("$work"/projet/Content/bench/*.md)
bytes=$(cat "${files[@]}" | wc -c)

cadre=$(best .build/release/cadre build bench --root "$work/projet" --output "$work/out")
# (the cmark-gfm command of Debian has no footnote flag; the other GFM extensions are those cadre uses)
cmark=$(best cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist "${files[@]}")
pandoc=$(best pandoc -f gfm -t html "${files[@]}")
peak=$( ( /usr/bin/time -f "%M" .build/release/cadre build bench --root "$work/projet" --output "$work/out" 2>&1 >/dev/null ) | tail -1 )

python3 - "$bytes" "${#files[@]}" "$cadre" "$cmark" "$pandoc" "$peak" <<'PY'
import sys, platform, os
size, count, cadre, cmark, pandoc, peak_kb = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:6]), int(sys.argv[6])
mb = size / 1e6
print(f"### HTML : {count} fichiers, {mb:.2f} Mo de Markdown")
print(f"| outil | temps (s) | débit (Mo/s) |")
print(f"|---|---|---|")
for name, t in (("cadre build (HTML site + impression)", cadre), ("cmark-gfm (brut)", cmark), ("pandoc -f gfm -t html", pandoc)):
    print(f"| {name} | {t:.3f} | {mb / t:.1f} |")
print()
print(f"cadre / cmark-gfm : {cadre / cmark:.2f}× le temps (objectif ≤ 4×)")
print(f"pandoc / cadre : {pandoc / cadre:.1f}× plus lent que cadre (objectif ≥ 30×)")
print(f"mémoire maximale de cadre : {peak_kb / 1024:.0f} Mo (objectif < 200 Mo)")
PY
