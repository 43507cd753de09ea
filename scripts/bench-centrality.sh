#!/usr/bin/env bash
# Benchmark run behind BENCHMARKS.md (## Centrality).
set -u
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=/tmp/uccn-bench-graphs
OUT=${OUT:-/tmp/uccn-bench-results}
CAND="/work/shared/bench/uccn-candidate.sh {graph} {measure} {weighted}"
FAST="degree eigenvector pagerank kcore clustering"
# 1. Near-linear measures: igraph, NetworKit (1 thread), uccn (1 thread).
python3 /work/shared/bench/peers.py $G/lfr10k.edges $G/lfr10k_w.edges $G/ba100k.edges $G/lfr100k.edges \
  --tools igraph networkit --nk-threads 1 --measures $FAST --runs 5 --rep-budget 10 --timeout 300 \
  --candidate "$CAND" --candidate-name uccn --out $OUT
# 2. All-pairs measures on 10k nodes: igraph, uccn with 1 and 2 threads.
python3 /work/shared/bench/peers.py $G/lfr10k.edges $G/lfr10k_w.edges \
  --tools igraph --measures betweenness closeness harmonic --runs 1 --timeout 600 \
  --candidate "$CAND" --candidate-name uccn --out $OUT
UCCN_THREADS=2 python3 /work/shared/bench/peers.py $G/lfr10k.edges $G/lfr10k_w.edges \
  --tools none --measures betweenness closeness harmonic --runs 1 --timeout 600 \
  --candidate "$CAND" --candidate-name "uccn[2t]" --out $OUT
