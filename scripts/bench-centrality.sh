#!/usr/bin/env bash
# The benchmark run behind BENCHMARKS.md (## Centrality). Needs the graphs from
# /work/shared/bench/make_graphs.py in /tmp/uccn-bench-graphs, igraph and NetworKit, and a
# release build (swift build -c release). Takes about 40 minutes on 2 cores.
set -u
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=${GRAPHS:-/tmp/uccn-bench-graphs}
OUT=${OUT:-/tmp/uccn-bench-results}
PEERS=/work/shared/bench/peers.py
CAND="/work/shared/bench/uccn-candidate.sh {graph} {measure} {weighted}"
FAST="degree eigenvector pagerank kcore clustering"
# 1. Near-linear measures: igraph, NetworKit (1 thread), uccn (1 thread).
python3 $PEERS $G/lfr10k.edges $G/lfr10k_w.edges $G/ba100k.edges $G/lfr100k.edges \
  --tools igraph networkit --nk-threads 1 --measures $FAST --runs 5 --rep-budget 10 --timeout 300 \
  --candidate "$CAND" --candidate-name uccn --out $OUT
# 2. All-pairs measures: igraph and uccn on lfr10k; on lfr10k_w igraph's betweenness
#    exceeds 120 s (RESULTS.md), so only closeness and harmonic are rerun for it.
python3 $PEERS $G/lfr10k.edges --tools igraph --measures betweenness closeness harmonic \
  --runs 1 --timeout 600 --candidate "$CAND" --candidate-name uccn --out $OUT
python3 $PEERS $G/lfr10k_w.edges --tools igraph --measures closeness harmonic \
  --runs 1 --timeout 600 --out $OUT
python3 $PEERS $G/lfr10k_w.edges --tools none --measures betweenness closeness harmonic \
  --runs 1 --timeout 600 --candidate "$CAND" --candidate-name uccn --out $OUT
# 3. uccn with 2 threads.
UCCN_THREADS=2 python3 $PEERS $G/lfr10k.edges $G/lfr10k_w.edges --tools none \
  --measures betweenness closeness harmonic --runs 1 --timeout 600 \
  --candidate "$CAND" --candidate-name "uccn[2t]" --out $OUT
python3 scripts/bench-centrality-table.py $OUT
