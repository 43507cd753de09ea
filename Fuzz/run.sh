#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each reader's fuzzer in
# turn for SECONDS seconds (default 600), starting from the seed corpus in
# Fuzz/corpus/<reader>/. New interesting inputs go to Fuzz/.work/<reader>/ (not
# committed); crashes, timeouts and out-of-memory inputs go to Fuzz/artifacts/.
#
#   Fuzz/run.sh [SECONDS] [READER…]      e.g.  Fuzz/run.sh 60 GraphML JSON
#
# Prints the number of executions of each fuzzer. Exits non-zero when a fuzzer found a
# problem. One fuzzer runs at a time (-workers=1): the machine's cores are shared.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
readers=("$@")
if [ ${#readers[@]} -eq 0 ]; then readers=(GraphML GEXF JSON CSV EdgeList DOT); fi

swift build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]|Cannot export local symbol' || true
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address --show-bin-path)"

status=0
mkdir -p artifacts
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0"
for reader in "${readers[@]}"; do
    corpus="corpus/$(echo "$reader" | tr '[:upper:]' '[:lower:]')"
    work=".work/$(echo "$reader" | tr '[:upper:]' '[:lower:]')"
    mkdir -p "$work" "$corpus"
    log="artifacts/Fuzz$reader.log"
    echo "== Fuzz$reader for ${seconds}s (seeds: $corpus)"
    set +e
    "$bin/Fuzz$reader" "$work" "$corpus" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="artifacts/$reader-" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "   executions: ${runs:-unknown}; exit status $code; log: Fuzz/$log"
    if [ $code -ne 0 ]; then
        status=1
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/   /'
    fi
done
exit $status
