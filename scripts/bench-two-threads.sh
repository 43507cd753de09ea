#!/usr/bin/env bash
# The quiet-machine run behind BENCHMARKS.md (### Two threads): igraph (one thread) and
# uccn with 1 and 2 threads, betweenness and closeness, one after the other, with the load
# average logged before each step. Run it only when nothing else is using the cores
# (`uptime`: 1-minute load well below 2). Needs igraph (Benchmarks/peers/install.sh), the
# graphs from Benchmarks/peers/make_graphs.py and `swift build -c release --product uccn`.
#   scripts/bench-two-threads.sh [GRAPH...]      (default: lfr10k)
set -u
cd "$(dirname "$0")/.."
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=${GRAPHS:-$PWD/Benchmarks/graphs}
OUT=${OUT:-$PWD/Benchmarks/results/two-threads}
PEERS=$PWD/Benchmarks/peers/peers.py
CAND="$PWD/Benchmarks/peers/uccn-candidate.sh {graph} {measure} {weighted}"
MEASURES=${MEASURES:-betweenness closeness}
LOG=$OUT/load.log
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- lfr10k
for name in "$@"; do
  graph=$G/$name.edges
  echo "$(date -u +%H:%M:%S) $name igraph  $(uptime)" | tee -a "$LOG"
  python3 $PEERS "$graph" --tools igraph --measures $MEASURES --runs 1 --timeout 600 --out "$OUT"
  for t in 1 2; do
    echo "$(date -u +%H:%M:%S) $name uccn ${t}t $(uptime)" | tee -a "$LOG"
    UCCN_THREADS=$t python3 $PEERS "$graph" --tools none --candidate "$CAND" \
      --candidate-name "uccn[${t}t]" --runs 1 --timeout 600 --measures $MEASURES --out "$OUT"
  done
  echo "$(date -u +%H:%M:%S) $name done    $(uptime)" | tee -a "$LOG"
done
python3 scripts/bench-two-threads-table.py "$OUT" "$@"
