#!/usr/bin/env bash
# cadre against an earlier version of itself, in one run: `Benchmarks/against.sh REV` builds
# REV (a commit, a tag, a branch) into Benchmarks/work/base-REV, then times the HTML build and
# the strategy batch (--jobs 2 and --jobs 1) of both binaries, interleaved (base, new, base,
# new…) so that the machine's changes of speed fall on both alike. Prints the median of RUNS
# runs (5 by default) of each, their ratio, wall and CPU time, peak memory, the Python speed
# reference before and after, and for the strategy batch its ratio to that reference and the
# speed-up from one to two jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
rev=${1:?"usage : Benchmarks/against.sh RÉVISION"}
runs=${RUNS:-5}
base=$(revision "$rev")
python3 Benchmarks/generate.py "${BENCH_BYTES:-5000000}" >/dev/null
python3 Benchmarks/generate_collectivites.py "${BENCH_COLLECTIVITES:-1000}" >/dev/null
html() { echo "$1 build bench --root $work/projet --output $work/out-against-$2"; }
# Each strategy run writes into a new folder ({run}, removed at the end): replacing the previous
# run's 1 000 documents would time the deletion of the old ones too, and on ext4 without a
# journal the allocation of new files then skips the inodes just freed (a quarter of the time).
strategies() { echo "$1 strategie --all --jobs $3 --root $work/strategies/projet --output $work/strategies/out-against-$2-j$3-{run}"; }
before=$(reference)
# In turns (timing.py): base, new, base, new…; wall and CPU time (on a machine that other work
# shares, CPU time moves less than wall time).
timings=$(python3 Benchmarks/timing.py "$runs" \
  base_html "$(html "$base/.build/release/cadre" base)" new_html "$(html .build/release/cadre new)" \
  base_strat "$(strategies "$base/.build/release/cadre" base 2)" new_strat "$(strategies .build/release/cadre new 2)" \
  base_strat1 "$(strategies "$base/.build/release/cadre" base 1)" new_strat1 "$(strategies .build/release/cadre new 1)")
after=$(reference)
rm -rf "$work"/strategies/out-against-*
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
for label, key in (("HTML, corpus du banc", "html"), ("1 000 documents de stratégie, --jobs 2", "strat"), ("1 000 documents de stratégie, --jobs 1", "strat1")):
    b, n = rows["base_" + key], rows["new_" + key]
    print(f"| {label} | {b[0]:.2f} | {n[0]:.2f} | {n[0] / b[0]:.2f} | {b[1]:.2f} | {n[1]:.2f} | {n[1] / b[1]:.2f} | {b[2] / 1024:.0f} / {n[2] / 1024:.0f} |")
reference = (before + after) / 2
for side in ("base", "new"):
    two, one = rows[side + "_strat"][0], rows[side + "_strat1"][0]
    name = rev if side == "base" else "actuel"
    print(f"stratégies, {name} : --jobs 2 en {two:.2f} s = {two / reference:.2f}× la référence Python ({reference:.2f} s, moyenne avant/après) ; --jobs 1 → --jobs 2 : {one / two:.2f}×")
for name, (_, _, _, each) in rows.items():
    print(f"  {name} : " + " ".join(each) + " s")
PY
