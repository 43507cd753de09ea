#!/usr/bin/env bash
# The all-pairs run behind BENCHMARKS.md's "All-pairs measures at 100,000 nodes": exact
# closeness, harmonic and betweenness on lfr10k (beside igraph, values checked by the
# harness) and lfr100k (uccn on two threads; igraph on a seeded sample of 300 nodes,
# values checked and its time extrapolated; exact betweenness stopped after 150 s and its
# rate extrapolated), betweenness within epsilon beside NetworKit's KADABRA on lfr10k,
# lfr100k and ba1m, and Leiden on ba100k beside NetworKit's ParallelLeiden (one thread).
# The 1-minute load average is logged before each step. Needs the graphs of
# Benchmarks/peers/make_graphs.py in $GRAPHS (default Benchmarks/graphs), the peers of
# Benchmarks/peers/install.sh and a release build (swift build -c release --product uccn). About 25 minutes on 2 cores.
set -u
cd "$(dirname "$0")/.."
export UCCN=${UCCN:-$PWD/.build/release/uccn}
G=${GRAPHS:-$PWD/Benchmarks/graphs}
OUT=${OUT:-$PWD/Benchmarks/results/allpairs}
PEERS=$PWD/Benchmarks/peers/peers.py
CAND="$PWD/Benchmarks/peers/uccn-candidate.sh {graph} {measure} {weighted}"
LOG=$OUT/load.log
mkdir -p "$OUT"
step() { echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) — $*" | tee -a "$LOG"; }
seconds() { python3 -c "import json;print(round(json.load(open('$1'))['compute_seconds'],2))"; }

# 1. lfr100k closeness and harmonic, uccn on two threads and one, and igraph on a sample.
for m in closeness harmonic; do
    for t in 2 1; do
        step "lfr100k $m: uccn, $t threads"
        /usr/bin/time -f "%e s wall, %U s user, %M kB" "$UCCN" metrics "$G/lfr100k.edges" --measure $m \
            --threads $t --format json > "$OUT/lfr100k-$m-$t.json" 2> "$OUT/lfr100k-$m-$t.err"
        echo "lfr100k $m $t threads: compute $(seconds "$OUT/lfr100k-$m-$t.json") s; $(tail -n1 "$OUT/lfr100k-$m-$t.err")" \
            | tee -a "$OUT/summary.txt"
    done
done
step "lfr100k closeness, harmonic: igraph on 300 sampled nodes"
python3 scripts/check-allpairs-sample.py "$G/lfr100k.edges" "$OUT/lfr100k-closeness-2.json" \
    "$OUT/lfr100k-harmonic-2.json" --sample 300 | tee -a "$OUT/summary.txt"

# 2. lfr100k exact betweenness on two threads: 150 s, then Ctrl-C; the rate gives the total.
step "lfr100k betweenness: uccn, 2 threads, stopped after 150 s"
"$UCCN" metrics "$G/lfr100k.edges" --measure betweenness --threads 2 --format json \
    > "$OUT/lfr100k-betweenness-2.json" 2> "$OUT/lfr100k-betweenness-2.err" &
pid=$!
sleep 150
# CPU time so far (user + system, clock ticks) from /proc, then Ctrl-C.
ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
kill -INT $pid
wait $pid
echo "lfr100k betweenness 2 threads: exit $?; CPU $((ticks / $(getconf CLK_TCK))) s in 150 s; $(tr '\r' '\n' < "$OUT/lfr100k-betweenness-2.err" | grep -E 'elapsed|stopped' | tail -n2 | tr '\n' ' ')" \
    | tee -a "$OUT/summary.txt"

# 3. lfr10k exact all-pairs measures beside igraph, values checked by the harness.
step "lfr10k betweenness, closeness, harmonic: uccn (1 and 2 threads), igraph"
for t in 1 2; do
    UCCN_THREADS=$t python3 $PEERS "$G/lfr10k.edges" --tools none --measures betweenness closeness harmonic \
        --runs 1 --timeout 300 --candidate "$CAND" --candidate-name "uccn-${t}t" --out "$OUT" \
        > "$OUT/lfr10k-uccn-$t.log" 2>&1
done
python3 $PEERS "$G/lfr10k.edges" --tools igraph --measures betweenness closeness harmonic --runs 1 \
    --timeout 300 --out "$OUT" > "$OUT/lfr10k-igraph.log" 2>&1
"$UCCN" metrics "$G/lfr10k.edges" --measure betweenness --threads 2 --format json > "$OUT/lfr10k-betweenness.json"

# 4. Betweenness within epsilon = 0.01 with probability 0.9, beside KADABRA (a KADABRA run
#    is stopped after 180 s).
for g in lfr10k lfr100k ba1m; do
    step "$g: --epsilon 0.01 --delta 0.1 and KADABRA, 1 and 2 threads"
    exact=(); [ $g = lfr10k ] && exact=(--exact "$OUT/lfr10k-betweenness.json")
    python3 scripts/bench-guaranteed-betweenness.py "$G/$g.edges" --epsilon 0.01 --delta 0.1 --threads 1 2 \
        --timeout 180 --uccn "$UCCN" "${exact[@]}" | tee -a "$OUT/guaranteed.md"
done

# 5. Leiden on ba100k: NetworKit's ParallelLeiden (3 iterations, one thread) and uccn until
#    stable and with at most 3 iterations.
step "ba100k leiden: NetworKit (1 thread), uccn"
python3 $PEERS "$G/ba100k.edges" --tools networkit --nk-threads 1 --measures leiden --runs 3 --out "$OUT" \
    > "$OUT/leiden-peers.log" 2>&1
python3 $PEERS "$G/ba100k.edges" --tools none --measures leiden --runs 3 --candidate "$CAND" \
    --candidate-name uccn --out "$OUT" > "$OUT/leiden-uccn.log" 2>&1
python3 $PEERS "$G/ba100k.edges" --tools none --measures leiden --runs 3 \
    --candidate "$UCCN clusters {graph} --algorithm leiden --seed 42 --max-iterations 3 --format json" \
    --candidate-name uccn-3it --out "$OUT" > "$OUT/leiden-uccn3.log" 2>&1
step "done"
