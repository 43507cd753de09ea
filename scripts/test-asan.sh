#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and LeakSanitizer, in its own build
# directory (.build-asan), with the suppressions of Tests/lsan.supp (leaks of XCTest,
# Foundation, Graphviz and the font libraries, none of uccn's code).
#
# The sanitizer settings are exported, so the ASan-built `uccn` that the end-to-end tests
# start inherits them. Every process writes its report, if any, to a file of its own, so
# a report of a child process is seen even when its test expected a non-zero exit status.
#
# Exit status: that of `swift test`, or 1 if any process wrote an AddressSanitizer or
# LeakSanitizer report. Extra arguments go to `swift test` (e.g. --filter MapCommandTests).
set -uo pipefail
cd "$(dirname "$0")/.."

reports=$(mktemp -d "${TMPDIR:-/tmp}/uccn-asan.XXXXXX")
export ASAN_OPTIONS="log_path=$reports/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan.supp:print_suppressions=1${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

start=$(date +%s)
swift test --sanitize=address --scratch-path .build-asan "$@"
status=$?
elapsed=$(( $(date +%s) - start ))

errors=$(grep -l "ERROR: \(AddressSanitizer\|LeakSanitizer\)" "$reports"/asan.* 2>/dev/null || true)
suppressed=$(cat "$reports"/asan.* 2>/dev/null | awk '/Suppressions used:/ {on=1; next} on && /^ *[0-9]+ +[0-9]+ / {n[$3] += $1; b[$3] += $2} END {for (k in n) printf "  %6d records %8d bytes  %s\n", n[k], b[k], k}' | sort -k5)

echo
echo "swift test exit status $status, ${elapsed} s"
if [ -n "$suppressed" ]; then
    echo "Suppressed leak records (all processes, by suppression):"
    echo "$suppressed"
fi
if [ -n "$errors" ]; then
    echo "Sanitizer reports:"
    for file in $errors; do echo "--- $file"; cat "$file"; done
    echo "Reports kept in $reports"
    exit 1
fi
rm -rf "$reports"
exit "$status"
