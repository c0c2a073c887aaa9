#!/usr/bin/env bash
# Issue 15 — where the time goes, by owner: `Benchmarks/owners.sh strategies` (1,000 strategy
# documents, --jobs 2) or `Benchmarks/owners.sh html` (the HTML benchmark's 898 chapters), both
# written to a new folder in memory (/dev/shm) so that the disk's mood stays out. Samples the
# release build with `perf record`, its stacks unwound from DWARF (frame pointers stop in libc,
# and a tenth of the samples then had no owner), and prints the share of cadre's own code
# against swift-mustache, Yams, libyaml, cmark-gfm, Foundation and the kernel (owners.py).
# Needs Debian's `linux-perf`, and the benchmark corpora (`make bench` makes them).
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
command -v perf >/dev/null || { echo "owners.sh : perf est absent — apt-get install linux-perf" >&2; exit 2; }
case "${1:-}" in
  strategies) args=(strategie --all --jobs 2 --root "$work/strategies/projet"); rate=499 ;;
  html) args=(build bench --root "$work/projet"); rate=1999 ;;
  *) echo "usage : Benchmarks/owners.sh strategies|html" >&2; exit 2 ;;
esac
[ -d "${args[-1]}" ] || { echo "owners.sh : corpus absent (${args[-1]}) — lancez d'abord make bench" >&2; exit 2; }
out=$(mktemp -d /dev/shm/cadre-owners.XXXXXX)
trap 'rm -rf "$out"' EXIT
perf record -q -F "$rate" --call-graph dwarf,16384 -o "$out/perf.data" .build/release/cadre "${args[@]}" --output "$out/sortie" >/dev/null 2>&1
echo "### Propriétaires du temps : cadre ${args[*]:0:2} (référence Python $(reference) s)"
perf script -i "$out/perf.data" -F ip,sym,dso 2>/dev/null | python3 Benchmarks/owners.py
