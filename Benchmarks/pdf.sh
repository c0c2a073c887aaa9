#!/usr/bin/env bash
# Issue 4 — PDF: cadre against the bare `weasyprint` command on the same print HTML, for the
# guide (target: within 1.15×) and for 100 short documents with --jobs 2 against a
# shell loop calling weasyprint once per document (target: at least 3× faster; issue 15: 4×).
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
cadre=.build/release/cadre
weasyprint=.venv/bin/weasyprint
out="$work/pdf"
rm -rf "$out"

# The guide: cadre renders HTML then PDF; the bare command renders the same print HTML. Cold:
# into a new folder each time; warm: over the last build, whose pagination.json gives the pages
# of the links' targets (one layout instead of three for the pages holding links).
cold_runs=0
cold() { cold_runs=$((cold_runs + 1)); "$cadre" build guide --format pdf --output "$out/froid-$cold_runs"; }
guide_cold=$(best cold)
guide_cadre=$(best "$cadre" build guide --format pdf --output "$out")
guide_bare=$(best "$weasyprint" --pdf-variant pdf/ua-1 --pdf-tags "$out/guide/impression.html" "$work/guide-nu.pdf")
pages=$(pdfinfo "$out/guide/guide.pdf" | awk '/^Pages/ {print $2}')

# 100 short documents (three pages each: cover, sommaire, a strategy in brief), one publication
# each, so that start-up costs weigh as they do in a batch.
python3 Benchmarks/generate_short.py 100 >/dev/null
project="$work/courts/projet"
batch_cadre=$(best "$cadre" build --format pdf --jobs 2 --root "$project" --output "$out/lot")
loop() {
  for page in "$out"/lot/*/impression.html; do
    "$weasyprint" --pdf-variant pdf/ua-1 --pdf-tags "$page" "${page%impression.html}nu.pdf"
  done
}
batch_loop=$(best loop)

python3 - "$guide_cadre" "$guide_bare" "$pages" "$batch_cadre" "$batch_loop" "$guide_cold" <<'PY'
import sys
guide_cadre, guide_bare, pages, batch_cadre, batch_loop, guide_cold = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
print(f"### PDF")
print("| mesure | cadre (s) | weasyprint seul (s) | rapport |")
print("|---|---|---|---|")
print(f"| guide ({pages} pages, PDF/UA), sans construction précédente | {guide_cold:.2f} | {guide_bare:.2f} | {guide_cold / guide_bare:.2f}× le temps (objectif ≤ 1,15×) |")
print(f"| guide, sur sa construction précédente | {guide_cadre:.2f} | {guide_bare:.2f} | {guide_cadre / guide_bare:.2f}× le temps |")
print(f"| 100 documents courts (3 pages), --jobs 2 / boucle shell | {batch_cadre:.2f} | {batch_loop:.2f} | {batch_loop / batch_cadre:.1f}× plus rapide (objectif ≥ 4×) |")
PY
