#!/usr/bin/env bash
# Issues 2 and 15 — cadre's HTML build against Hugo (Debian's, minimal layouts), both into a
# fresh output folder each run, cadre also over its previous output; raw cmark-gfm and pandoc on
# the same Markdown, in one run: medians of RUNS runs taken in turns (cadre, cadre again, Hugo,
# cmark-gfm, cadre…), wall and CPU time, ratios, peak memory, and the Python speed reference
# before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
runs=${RUNS:-5}
python3 Benchmarks/generate.py "${BENCH_BYTES:-5000000}"
files=("$work"/projet/Content/bench/*.md)
bytes=$(cat "${files[@]}" | wc -c)

# Hugo's site: the same files, the front matter's title under Hugo's name (Mustache tags stay
# text), one page layout and one list layout that only place the content.
site="$work/hugo/site"
rm -rf "$work/hugo"
mkdir -p "$site/content" "$site/layouts/_default"
cat >"$site/hugo.toml" <<'TOML'
baseURL = "http://127.0.0.1/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
TOML
echo '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>' >"$site/layouts/_default/single.html"
echo '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' >"$site/layouts/_default/list.html"
for file in "${files[@]}"; do sed '0,/^titre:/s//title:/' "$file" >"$site/content/$(basename "$file")"; done

reference_before=$(reference)
hugo_command=""
if command -v hugo >/dev/null; then
  hugo_command="hugo --quiet --source $site --destination $PWD/$work/hugo/public-{run}"
fi
# cadre, like Hugo, writes into a new folder each run (removed at the end: deleting it between
# runs would slow the next run's file creations on ext4 without a journal); a third command
# rebuilds over the previous output, as an editor does, the same Markdown in it.
.build/release/cadre build bench --root "$work/projet" --output "$work/out" >/dev/null
# (the cmark-gfm command of Debian has no footnote flag; the other GFM extensions are those cadre uses)
timings=$(python3 Benchmarks/timing.py "$runs" \
  cadre ".build/release/cadre build bench --root $work/projet --output $work/html-cadre-{run}" \
  cadre_again ".build/release/cadre build bench --root $work/projet --output $work/out" \
  ${hugo_command:+hugo "$hugo_command"} \
  cmark "cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist ${files[*]}")
# pandoc takes half a minute a run: one run is enough for a ratio of ten or more.
pandoc=$(python3 Benchmarks/timing.py 1 pandoc "pandoc -f gfm -t html ${files[*]}")
reference_after=$(reference)
rm -rf "$work"/hugo/public-* "$work"/html-cadre-*

python3 - "$bytes" "${#files[@]}" "$runs" "$reference_before" "$reference_after" "$timings" "$pandoc" <<'PY'
import sys
size, count, runs, before, after = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
rows = {}
for line in (sys.argv[6] + "\n" + sys.argv[7]).splitlines():
    name, wall, cpu, peak, *each = line.split()
    rows[name] = (float(wall), float(cpu), int(peak), each)
mb = size / 1e6
names = {"cadre": "cadre build (HTML site + impression), dossier neuf",
         "cadre_again": "cadre build, par-dessus sa production précédente", "hugo": "hugo (Debian, gabarits minimaux, dossier neuf)",
         "cmark": "cmark-gfm (brut)", "pandoc": "pandoc -f gfm -t html (un essai)"}
print(f"### HTML : {count} fichiers, {mb:.2f} Mo de Markdown ; médianes de {runs} essais alternés ; "
      f"référence Python {before:.2f} s avant, {after:.2f} s après")
print("| outil | temps (s) | temps de calcul (s) | débit (Mo/s) | mémoire max. (Mo) |")
print("|---|---|---|---|---|")
for name, (wall, cpu, peak, _) in rows.items():
    print(f"| {names[name]} | {wall:.3f} | {cpu:.3f} | {mb / wall:.1f} | {peak / 1024:.0f} |")
print()
cadre = rows["cadre"]
if "hugo" in rows:
    hugo = rows["hugo"]
    print(f"cadre / Hugo : {cadre[0] / hugo[0]:.2f}× son temps (objectif ≤ 0,8×), {cadre[1] / hugo[1]:.2f}× son temps de calcul ; "
          f"par-dessus la production précédente : {rows['cadre_again'][0] / hugo[0]:.2f}× son temps")
else:
    print("Hugo n'est pas installé (scripts/setup --bench) : pas de comparaison")
print(f"cadre / cmark-gfm : {cadre[0] / rows['cmark'][0]:.1f}× le temps ; pandoc / cadre : {rows['pandoc'][0] / cadre[0]:.1f}× plus lent")
print(f"mémoire maximale de cadre : {cadre[2] / 1024:.0f} Mo (objectif < 200 Mo)")
for name, (_, _, _, each) in rows.items():
    if len(each) > 1:
        print(f"  {name} : " + " ".join(each) + " s")
PY
