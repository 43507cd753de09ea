#!/usr/bin/env bash
# The harness's candidate for uccn: maps a measure name to the uccn command line.
#   uccn-candidate.sh GRAPH MEASURE WEIGHTED
# $UCCN is the binary (default: uccn on PATH), $UCCN_THREADS the thread count for `metrics`
# (default 1). Centrality measures go to `uccn metrics`, partitions to `uccn clusters`;
# weights are used when the harness says the graph is weighted. Both run with
# --prepare-heap, so that compute_seconds, compared with a peer's library call in a warm
# process, excludes the first-touch page faults of a fresh process (see BENCHMARKS.md).
set -euo pipefail
graph=$1 measure=$2 weighted=${3:-false}
uccn=${UCCN:-uccn}
threads=${UCCN_THREADS:-1}
wflag=()
[ "$weighted" = true ] && wflag=(--weighted)
case $measure in
    louvain | leiden)
        exec "$uccn" clusters "$graph" --algorithm "$measure" --seed 42 "${wflag[@]}" --format json --prepare-heap
        ;;
    label_propagation)
        exec "$uccn" clusters "$graph" --algorithm label-propagation --seed 42 "${wflag[@]}" --format json \
            --prepare-heap
        ;;
    components)
        exec "$uccn" clusters "$graph" --algorithm components --format json --prepare-heap
        ;;
    *)
        exec "$uccn" metrics "$graph" --measure "$measure" --threads "$threads" "${wflag[@]}" --format json \
            --prepare-heap
        ;;
esac
