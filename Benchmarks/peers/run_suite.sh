#!/usr/bin/env bash
# The exact run behind RESULTS.md.  Generates the graphs if needed, runs all
# peers on all graphs (networkit with 1 and 2 OpenMP threads), then writes
# RESULTS.md.  On the 2-core machine used for RESULTS.md this took ~55 min.
set -euo pipefail
cd "$(dirname "$0")"
GRAPHS=${GRAPHS:-../graphs}
OUT=${OUT:-../results}
TIMEOUT=${TIMEOUT:-120}          # per run; peers.py's default is 300

[ -f "$GRAPHS/ba1m.edges" ] || python3 make_graphs.py --out "$GRAPHS"

python3 peers.py \
  "$GRAPHS"/{karate,lesmis,lfr1k,lfr1k_w,lfr10k,lfr10k_w,lfr100k,ba100k,ba1m}.edges \
  --out "$OUT" --timeout "$TIMEOUT" --runs 5 --rep-budget 15 "$@"

# The skip rule extrapolates across graph families (ba100k precedes lfr100k
# by size), so after igraph's slow Louvain/Leiden on ba100k it skips them on
# lfr100k, where they are fast.  Run them explicitly:
python3 peers.py "$GRAPHS/lfr100k.edges" --tools igraph \
  --measures louvain leiden --out "$OUT" --timeout "$TIMEOUT" --runs 5 \
  --rep-budget 15

python3 report.py --out "$OUT" --graphs-dir "$GRAPHS" > RESULTS.md
