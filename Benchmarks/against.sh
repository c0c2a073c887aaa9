#!/usr/bin/env bash
# cadre against an earlier version of itself, in one run: `Benchmarks/against.sh REV` builds
# REV (a commit, a tag, a branch) into Benchmarks/work/base-REV, then times the HTML build and
# the strategy batch of both binaries, interleaved (base, new, base, new…) so that the machine's
# changes of speed fall on both alike. Prints the median of RUNS runs (5 by default) of each,
# their ratio, wall and CPU time, peak memory, and the Python speed reference before and after.
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
html() { echo "$1 build bench --root $work/projet --output $work/out-against-$2"; }
strategies() { echo "$1 strategie --all --jobs 2 --root $work/strategies/projet --output $work/strategies/out-against-$2"; }
before=$(reference)
# In turns (timing.py): base, new, base, new…; wall and CPU time (on a machine that other work
# shares, CPU time moves less than wall time).
timings=$(python3 Benchmarks/timing.py "$runs" \
  base_html "$(html "$base/.build/release/cadre" base)" new_html "$(html .build/release/cadre new)" \
  base_strat "$(strategies "$base/.build/release/cadre" base)" new_strat "$(strategies .build/release/cadre new)")
after=$(reference)
python3 - "$rev" "$runs" "$before" "$after" "$timings" <<'PY'
import sys
rev, runs, before, after = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
rows = {}
for line in sys.argv[5].splitlines():
    name, wall, cpu, peak, *each = line.split()
    rows[name] = (float(wall), float(cpu), int(peak), each)
print(f"### cadre contre {rev} : médianes de {runs} essais alternés ; référence Python {before:.2f} s avant, {after:.2f} s après")
print(f"| mesure | {rev} : temps (s) | actuel : temps (s) | rapport | {rev} : calcul (s) | actuel : calcul (s) | rapport | mémoire max. {rev} / actuel (Mo) |")
print("|---|---|---|---|---|---|---|---|")
for label, key in (("HTML, corpus du banc", "html"), ("1 000 documents de stratégie, --jobs 2", "strat")):
    b, n = rows["base_" + key], rows["new_" + key]
    print(f"| {label} | {b[0]:.2f} | {n[0]:.2f} | {n[0] / b[0]:.2f} | {b[1]:.2f} | {n[1]:.2f} | {n[1] / b[1]:.2f} | {b[2] / 1024:.0f} / {n[2] / 1024:.0f} |")
for name, (_, _, _, each) in rows.items():
    print(f"  {name} : " + " ".join(each) + " s")
PY
