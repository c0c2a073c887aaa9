#!/usr/bin/env bash
# Issue 15 — the guide's PDF against an earlier cadre, in one run: `Benchmarks/guide_pdf.sh REV`
# builds REV (as against.sh does) and times `cadre build guide --format pdf`, in turns:
#   REV      the earlier binary, into a new folder each run;
#   froid    this binary into a new folder: no earlier build, so no known link pages;
#   chaud    this binary over its own last build, whose pagination.json gives the pages of the
#            links' targets: one layout instead of three for the pages holding links;
#   déplacé  the same, after the known pages of the second half moved by one (as when a chapter
#            in the middle grows by a page): the layout stops at the first target that moved,
#            and starts again with the targets after it moved as far.
# Prints medians of RUNS runs (5 by default) with the Python speed reference before and after,
# then checks that every PDF has the earlier binary's pages, pixel for pixel at 60 dpi.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
rev=${1:?"usage : Benchmarks/guide_pdf.sh RÉVISION"}
runs=${RUNS:-5}
base=$(revision "$rev")
cadre=.build/release/cadre
out="$work/guide-pdf"
rm -rf "$out"
mkdir -p "$out"
"$cadre" build guide --format pdf --output "$out/chaud" >/dev/null 2>&1
cp -r "$out/chaud" "$out/deplace"
python3 - "$out/chaud/guide/pagination.json" "$out/deplace.json" <<'PY'
import json, sys
pagination = json.load(open(sys.argv[1]))
middle = pagination["pages"] // 2
pagination["renvois"] = {name: page + 1 if page > middle else page for name, page in pagination["renvois"].items()}
json.dump(pagination, open(sys.argv[2], "w"))
PY
before=$(reference)
timings=$(python3 Benchmarks/timing.py "$runs" \
  base "$base/.build/release/cadre build guide --format pdf --output $out/base-{run}" \
  froid "$cadre build guide --format pdf --output $out/froid-{run}" \
  chaud "$cadre build guide --format pdf --output $out/chaud" \
  deplace "cp $out/deplace.json $out/deplace/guide/pagination.json && $cadre build guide --format pdf --output $out/deplace")
after=$(reference)
python3 - "$rev" "$runs" "$before" "$after" "$timings" <<'PY'
import sys
rev, runs, before, after = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
rows = {line.split()[0]: line.split()[1:] for line in sys.argv[5].splitlines()}
base = float(rows["base"][0])
print(f"### PDF du guide contre {rev} : médianes de {runs} essais alternés ; référence Python {before:.2f} s avant, {after:.2f} s après")
print(f"| construction | temps (s) | rapport à {rev} | calcul (s) | essais (s) |")
print("|---|---|---|---|---|")
for name, label in (("base", rev), ("froid", "actuel, sans construction précédente"), ("chaud", "actuel, sur sa construction précédente"), ("deplace", "actuel, renvois de la seconde moitié déplacés d'une page")):
    wall, cpu, _, *each = rows[name]
    print(f"| {label} | {float(wall):.2f} | {float(wall) / base:.2f}× | {float(cpu):.2f} | {' '.join(each)} |")
PY
for build in froid-0 chaud deplace; do
  printf '%s : ' "$build"
  .venv/bin/python Benchmarks/same_pages.py "$out/base-0/guide/guide.pdf" "$out/$build/guide/guide.pdf"
done
