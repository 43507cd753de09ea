#!/usr/bin/env bash
# Single-thread compute CPU time of `uccn clusters`, insensitive to other load on the
# machine (wall-clock timings are not): the smallest user+sys time over R runs of the
# whole command, minus the same for `--algorithm components` (parsing and printing cost
# the same; components itself takes < 1% of it). Resolution: 10 ms (GNU time).
#
#   scripts/clusters-cpu-time.sh /tmp/uccn-bench-graphs/lfr100k.edges louvain leiden
#   R=5 UCCN=.build/release/uccn scripts/clusters-cpu-time.sh GRAPH ALGORITHM...
set -euo pipefail
U=${UCCN:-.build/release/uccn}
R=${R:-3}
graph=$1; shift
measure() {
  local best=999999 t
  for _ in $(seq "$R"); do
    t=$( { /usr/bin/time -f "%U %S" "$U" clusters "$graph" --algorithm "$1" --seed 42 --format json > /dev/null; } 2>&1 | tail -1 | awk '{print $1 + $2}')
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$best"
}
base=$(measure components)
for algorithm in "$@"; do
  t=$(measure "$algorithm")
  awk -v g="$(basename "$graph" .edges)" -v a="$algorithm" -v t="$t" -v b="$base" \
    'BEGIN { printf "%s %s: %.2f s CPU (whole command %.2f s, parse + print %.2f s)\n", g, a, t - b, t, b }'
done
