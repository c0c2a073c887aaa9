#!/usr/bin/env bash
# cadre against an earlier version of itself, in one run: `Benchmarks/against.sh REV` builds
# REV (a commit, a tag, a branch) into Benchmarks/work/base-REV, then times the HTML build and
# the strategy batch of both binaries, interleaved (base, new, base, new…) so that the machine's
# changes of speed fall on both alike. Prints the median of RUNS runs (5 by default) of each,
# their ratio, and the Python speed reference before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
rev=${1:?"usage : Benchmarks/against.sh RÉVISION"}
runs=${RUNS:-5}
base="$work/base-$(git rev-parse --short "$rev")"
if [ ! -x "$base/.build/release/cadre" ]; then
  rm -rf "$base"
  git worktree add --detach --force "$base" "$rev" >/dev/null
  (cd "$base" && swift build -c release --product cadre >/dev/null 2>&1)
fi
python3 Benchmarks/generate.py "${BENCH_BYTES:-5000000}" >/dev/null
python3 Benchmarks/generate_collectivites.py "${BENCH_COLLECTIVITES:-1000}" >/dev/null
reference() { /usr/bin/time -f "%U" python3 -c "sum(range(40_000_000))" 2>&1 | tail -1; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "banc d'essai : échec de $*" >&2; exit 1; }; end=$(date +%s.%N); python3 -c "print($end - $start)"; }
html() { "$1" build bench --root "$work/projet" --output "$work/out-against"; }
strategies() { "$1" strategie --all --jobs 2 --root "$work/strategies/projet" --output "$work/strategies/out-against"; }
before=$(reference)
declare -a base_html new_html base_strat new_strat
for _ in $(seq "$runs"); do
  base_html+=("$(seconds html "$base/.build/release/cadre")"); new_html+=("$(seconds html .build/release/cadre)")
  base_strat+=("$(seconds strategies "$base/.build/release/cadre")"); new_strat+=("$(seconds strategies .build/release/cadre)")
done
after=$(reference)
python3 - "$rev" "$runs" "$before" "$after" "${base_html[*]}" "${new_html[*]}" "${base_strat[*]}" "${new_strat[*]}" <<'PY'
import sys, statistics
rev, runs, before, after = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
series = [list(map(float, s.split())) for s in sys.argv[5:9]]
median = [statistics.median(s) for s in series]
print(f"### cadre contre {rev} : médianes de {runs} essais alternés ; référence Python {before:.2f} s avant, {after:.2f} s après")
print("| mesure | " + rev + " (s) | actuel (s) | rapport actuel / " + rev + " |")
print("|---|---|---|---|")
print(f"| HTML, corpus du banc (941 chapitres) | {median[0]:.2f} | {median[1]:.2f} | {median[1] / median[0]:.2f} |")
print(f"| 1 000 documents de stratégie, --jobs 2 | {median[2]:.2f} | {median[3]:.2f} | {median[3] / median[2]:.2f} |")
for name, values in zip(["HTML " + rev, "HTML actuel", "stratégies " + rev, "stratégies actuel"], series):
    print(f"  {name} : " + " ".join(f"{v:.2f}" for v in values))
PY
