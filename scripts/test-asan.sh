#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and LeakSanitizer, in its own build
# directory (.build-asan), with the suppressions of Tests/lsan.supp (leaks of XCTest,
# Foundation, Graphviz and the font libraries, none of uccn's code).
#
# The sanitizer settings are exported, so the ASan-built `uccn` that the end-to-end tests
# start inherits them. Every process writes its report, if any, to a file of its own, so
# a report of a child process is seen even when its test expected a non-zero exit status.
#
# Then the rendering path again with full stacks (fast_unwind_on_malloc=0, about a minute):
# `uccn map` (whole network as SVG, one city with suggested partners, the world map as
# PNG) and `uccn convert` through DOT, with the narrower Tests/lsan-render.supp, which
# names Graphviz's leaking functions instead of its allocator: a layout uccn did not free
# (gvFreeLayout) or a graph it did not close (agclose) is reported there.
#
# Exit status: that of `swift test`, or 1 if any process wrote an AddressSanitizer or
# LeakSanitizer report or a rendering command failed. Extra arguments go to `swift test`
# (e.g. --filter MapCommandTests).
set -uo pipefail
cd "$(dirname "$0")/.."

reports=$(mktemp -d "${TMPDIR:-/tmp}/uccn-asan.XXXXXX")
export ASAN_OPTIONS="log_path=$reports/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan.supp:print_suppressions=1${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

start=$(date +%s)
swift test --sanitize=address --scratch-path .build-asan "$@"
status=$?
elapsed=$(( $(date +%s) - start ))

uccn="$(swift build --sanitize=address --scratch-path .build-asan --show-bin-path)/uccn"
work="$reports/out"
mkdir -p "$work"
render_start=$(date +%s)
(
    export ASAN_OPTIONS="log_path=$reports/render:fast_unwind_on_malloc=0"
    export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-render.supp:print_suppressions=1"
    set -e
    "$uccn" map --output "$work/map.svg"
    "$uccn" map --city Hanoi --suggest 5 --output "$work/ego.svg"
    "$uccn" map --geo --output "$work/geo.png"
    "$uccn" convert Tests/GraphFormatsTests/Fixtures/networkx/directed.graphml "$work/g.dot"
    "$uccn" convert "$work/g.dot" "$work/g.json"
) || { echo "a rendering command failed"; [ "$status" -ne 0 ] || status=1; }
render_elapsed=$(( $(date +%s) - render_start ))

errors=$(grep -l "ERROR: \(AddressSanitizer\|LeakSanitizer\)" "$reports"/asan.* "$reports"/render.* 2>/dev/null || true)

# The "Suppressions used" tables of the processes whose logs start with $1, added up.
suppressed() {
    cat "$reports"/"$1".* 2>/dev/null | awk '/Suppressions used:/ {on=1; next} on && /^ *[0-9]+ +[0-9]+ / {n[$3] += $1; b[$3] += $2} END {for (k in n) printf "  %6d allocations %8d bytes  %s\n", n[k], b[k], k}' | sort -k5
}

echo
echo "swift test: ${elapsed} s; rendering path with full stacks: ${render_elapsed} s; exit status $status"
echo "Suppressed leaks in the test suite ($(ls "$reports"/asan.* 2>/dev/null | wc -l) processes with a log, Tests/lsan.supp):"
suppressed asan
echo "Suppressed leaks on the rendering path ($(ls "$reports"/render.* 2>/dev/null | wc -l) processes, Tests/lsan-render.supp):"
suppressed render
if [ -n "$errors" ]; then
    echo "Sanitizer reports:"
    for file in $errors; do echo "--- $file"; cat "$file"; done
    echo "Reports kept in $reports"
    exit 1
fi
rm -rf "$reports"
exit "$status"
