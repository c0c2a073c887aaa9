# Shared by the benchmark scripts: the work folder and a best-of-N timer.
runs=${RUNS:-3}
work=Benchmarks/work

# best wall-clock time (seconds) of $runs runs of a command
best() {
  local best_time=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "banc d'essai : la commande a échoué : $*" >&2; exit 1; }
    end=$(date +%s.%N)
    best_time=$(python3 -c "t=$end-$start; b='$best_time'; print(min(t, float(b)) if b else t)")
  done
  echo "$best_time"
}

# A fixed piece of Python work, its CPU time (s): on a shared virtual machine the speed of a
# core varies by a third from one minute to the next, and this says how fast it was.
reference() { /usr/bin/time -f "%U" python3 -c "sum(range(40_000_000))" 2>&1 | tail -1; }

# The folder of an earlier cadre (a commit, a tag, a branch), built in release mode into
# Benchmarks/work/base-<commit> the first time it is asked for.
revision() {
  local base
  base="$work/base-$(git rev-parse --short "$1")"
  if [ ! -x "$base/.build/release/cadre" ]; then
    rm -rf "$base"
    git worktree add --detach --force "$base" "$1" >/dev/null
    (cd "$base" && swift build -c release --product cadre >/dev/null 2>&1)
  fi
  echo "$base"
}
