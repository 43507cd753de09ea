#!/usr/bin/env bash
# The quiet-machine benchmark run behind BENCHMARKS.md: near-linear centrality measures and
# components (igraph, NetworKit on one thread, uccn), Louvain and Leiden on the LFR graphs
# (igraph, NetworKit, leidenalg, uccn), and peak memory on ba1m. Peers and uccn run in the
# same window; the 1-minute load average is logged before each step (run it with nothing
# else on the machine). Needs the graphs of Benchmarks/peers/make_graphs.py in $GRAPHS
# (default Benchmarks/graphs), the peers of Benchmarks/peers/install.sh, and a release build
# (swift build -c release --product uccn). uccn runs with --prepare-heap (through the
# candidate script and for ba1m). About 20 minutes on 2 cores.
set -u
cd "$(dirname "$0")/.."
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=${GRAPHS:-$PWD/Benchmarks/graphs}
OUT=${OUT:-$PWD/Benchmarks/results/quiet}
PEERS=$PWD/Benchmarks/peers/peers.py
CAND="$PWD/Benchmarks/peers/uccn-candidate.sh {graph} {measure} {weighted}"
LOG=$OUT/load.log
mkdir -p "$OUT"
step() { echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) — $*" | tee -a "$LOG"; }

# 1. Centrality (one thread) and components on the four graphs of the goal.
FAST="degree eigenvector pagerank kcore clustering components"
SET="$G/lfr10k.edges $G/lfr10k_w.edges $G/ba100k.edges $G/lfr100k.edges"
step "centrality: uccn"
python3 $PEERS $SET --tools none --measures $FAST --runs 5 --rep-budget 10 --timeout 300 \
    --candidate "$CAND" --candidate-name uccn --out "$OUT" > "$OUT/centrality-uccn.log" 2>&1
step "centrality: igraph, NetworKit (1 thread)"
python3 $PEERS $SET --tools igraph networkit --nk-threads 1 --measures $FAST --runs 5 --rep-budget 10 \
    --timeout 300 --out "$OUT" > "$OUT/centrality-peers.log" 2>&1

# 2. Louvain and Leiden on the LFR graphs with planted communities.
LFR="$G/lfr1k.edges $G/lfr10k.edges $G/lfr100k.edges"
step "clusters: uccn"
python3 $PEERS $LFR --tools none --measures louvain leiden --runs 3 --rep-budget 10 \
    --candidate "$CAND" --candidate-name uccn --out "$OUT" > "$OUT/clusters-uccn.log" 2>&1
step "clusters: igraph, NetworKit (1 thread)"
python3 $PEERS $LFR --tools igraph networkit --nk-threads 1 --measures louvain leiden --runs 3 \
    --rep-budget 10 --timeout 120 --out "$OUT" > "$OUT/clusters-peers.log" 2>&1
# leidenalg exceeds 120 s on lfr100k (RESULTS.md): only the two smaller graphs.
step "clusters: leidenalg"
python3 $PEERS $G/lfr1k.edges $G/lfr10k.edges --tools leidenalg --measures leiden --runs 3 \
    --rep-budget 10 --timeout 120 --out "$OUT" > "$OUT/clusters-leidenalg.log" 2>&1

# 3. ba1m: PageRank, k-core and components finish; peak memory of the whole command.
for m in pagerank kcore components; do
    step "ba1m $m: uccn"
    /usr/bin/time -v "$UCCN" metrics "$G/ba1m.edges" --measure $m --format json --prepare-heap \
        > "$OUT/ba1m-$m.json" 2> "$OUT/ba1m-$m.time"
done
step "done"
python3 scripts/bench-centrality-table.py "$OUT"
python3 scripts/bench-clusters-table.py "$OUT"
for m in pagerank kcore components; do
    printf '%s: compute %s s, peak RSS %s kB, wall %s\n' $m \
        "$(python3 -c "import json;print(round(json.load(open('$OUT/ba1m-$m.json'))['compute_seconds'],3))")" \
        "$(grep 'Maximum resident' "$OUT/ba1m-$m.time" | awk '{print $NF}')" \
        "$(grep 'Elapsed (wall' "$OUT/ba1m-$m.time" | awk '{print $NF}')"
done
