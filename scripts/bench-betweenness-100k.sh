#!/usr/bin/env bash
# Exact betweenness at 100,000 nodes with the 64-source kernel, beside the peers, in one
# window (BENCHMARKS.md, "Goal 2" and "Goal 3"):
#   1. lfr100k exact betweenness, uccn on two threads (the whole run) and igraph (stopped
#      after $PEER_TIMEOUT s, default 300);
#   2. lfr100k, 1,024 sampled sources (seed 42): the single-source and the multi-source
#      kernel, their times and their largest relative difference;
#   3. lfr10k exact betweenness: igraph and uccn on one and two threads through the peer
#      harness, which checks uccn's values against igraph's;
#   4. ba100k exact betweenness, uccn on two threads, then betweenness within epsilon 0.01
#      (delta 0.1) beside NetworKit's KADABRA on one and two threads, each tool's largest
#      error against those exact values (a KADABRA run is stopped after 180 s).
# The 1-minute load average is logged before each step. Needs the graphs of
# Benchmarks/peers/make_graphs.py in $GRAPHS (default Benchmarks/graphs), the peers of
# Benchmarks/peers/install.sh and a release build (swift build -c release --product uccn).
# About 25 minutes on 2 cores.
set -u
cd "$(dirname "$0")/.."
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=${GRAPHS:-$PWD/Benchmarks/graphs}
OUT=${OUT:-$PWD/Benchmarks/results/betweenness-100k}
PEERS=$PWD/Benchmarks/peers/peers.py
CAND="$PWD/Benchmarks/peers/uccn-candidate.sh {graph} {measure} {weighted}"
LOG=$OUT/load.log
mkdir -p "$OUT"
step() { echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) — $*" | tee -a "$LOG"; }
seconds() { python3 -c "import json;print(round(json.load(open('$1'))['compute_seconds'],2))"; }

step "1. lfr100k exact betweenness: uccn, 2 threads"
/usr/bin/time -f "%e s wall, %U s user, %M kB" "$UCCN" metrics "$G/lfr100k.edges" --measure betweenness \
    --threads 2 --format json > "$OUT/lfr100k-betweenness-2.json" 2> "$OUT/lfr100k-betweenness-2.err"
echo "lfr100k betweenness, uccn 2 threads: compute $(seconds "$OUT/lfr100k-betweenness-2.json") s; $(tail -n1 "$OUT/lfr100k-betweenness-2.err")" \
    | tee -a "$OUT/summary.txt"
step "1. lfr100k exact betweenness: igraph (stopped after ${PEER_TIMEOUT:-300} s)"
python3 $PEERS "$G/lfr100k.edges" --tools igraph --measures betweenness --runs 1 --timeout "${PEER_TIMEOUT:-300}" \
    --out "$OUT" > "$OUT/lfr100k-igraph.log" 2>&1
tail -n 5 "$OUT/lfr100k-igraph.log" | tee -a "$OUT/summary.txt"

step "2. lfr100k, 1,024 sampled sources: single-source and multi-source kernels"
for k in single-source multi-source; do
    /usr/bin/time -f "%e s wall, %U s user" "$UCCN" metrics "$G/lfr100k.edges" --measure betweenness \
        --approximate 1024 --seed 42 --betweenness-kernel $k --format json > "$OUT/lfr100k-sample-$k.json" \
        2> "$OUT/lfr100k-sample-$k.err"
    echo "lfr100k 1024 sources, $k: compute $(seconds "$OUT/lfr100k-sample-$k.json") s; $(tail -n1 "$OUT/lfr100k-sample-$k.err")" \
        | tee -a "$OUT/summary.txt"
done
python3 - "$OUT/lfr100k-sample-single-source.json" "$OUT/lfr100k-sample-multi-source.json" <<'PY' | tee -a "$OUT/summary.txt"
import json, sys
a = json.load(open(sys.argv[1]))["values"]
b = json.load(open(sys.argv[2]))["values"]
rel = max(abs(a[k] - b[k]) / abs(a[k]) if a[k] else abs(b[k]) for k in a)
print(f"lfr100k 1024 sources: largest relative difference between the kernels {rel:.1e} over {len(a)} nodes")
PY

step "3. lfr10k exact betweenness: uccn (1 and 2 threads), igraph"
for t in 1 2; do
    UCCN_THREADS=$t python3 $PEERS "$G/lfr10k.edges" --tools none --measures betweenness --runs 1 --timeout 300 \
        --candidate "$CAND" --candidate-name "uccn-${t}t" --out "$OUT" > "$OUT/lfr10k-uccn-$t.log" 2>&1
    tail -n 4 "$OUT/lfr10k-uccn-$t.log" | tee -a "$OUT/summary.txt"
done
python3 $PEERS "$G/lfr10k.edges" --tools igraph --measures betweenness --runs 1 --timeout 300 --out "$OUT" \
    > "$OUT/lfr10k-igraph.log" 2>&1
tail -n 4 "$OUT/lfr10k-igraph.log" | tee -a "$OUT/summary.txt"

step "4. ba100k exact betweenness: uccn, 2 threads"
/usr/bin/time -f "%e s wall, %U s user, %M kB" "$UCCN" metrics "$G/ba100k.edges" --measure betweenness \
    --threads 2 --format json > "$OUT/ba100k-betweenness-2.json" 2> "$OUT/ba100k-betweenness-2.err"
echo "ba100k betweenness, uccn 2 threads: compute $(seconds "$OUT/ba100k-betweenness-2.json") s; $(tail -n1 "$OUT/ba100k-betweenness-2.err")" \
    | tee -a "$OUT/summary.txt"
step "4. ba100k: --epsilon 0.01 --delta 0.1 and KADABRA, 1 and 2 threads, errors against the exact values"
python3 scripts/bench-guaranteed-betweenness.py "$G/ba100k.edges" --epsilon 0.01 --delta 0.1 --threads 1 2 \
    --timeout 180 --uccn "$UCCN" --exact "$OUT/ba100k-betweenness-2.json" | tee -a "$OUT/guaranteed.md"
step "done"
