#!/usr/bin/env bash
# Full-page screenshots of a planner report, as a reader's browser shows it.
#   scripts/screenshot-report.sh [REPORT_HTML] [OUT_PNG] [WIDTH]
# Defaults: Output/hanoi-vn/report.html → Output/hanoi-vn/report.png at 1280 px wide.
# Needs Chromium (Debian: apt-get install -y chromium). The page height is measured
# first so the screenshot holds the whole report.
set -euo pipefail

html=${1:-Output/hanoi-vn/report.html}
png=${2:-${html%.html}.png}
width=${3:-1280}

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "screenshot-report: no Chromium found; install it with: apt-get install -y chromium" >&2
    exit 1
fi
if [ ! -f "$html" ]; then
    echo "screenshot-report: $html not found; write it first with: uccn report --city Hanoi" >&2
    exit 1
fi

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --disable-dev-shm-usage
       --no-first-run --no-default-browser-check --force-device-scale-factor=1)

# A script-free page cannot report its height: shoot a tall window, then crop the blank
# bottom (scripts/trim-png.py, standard-library Python). MAX_HEIGHT caps the result.
height=${HEIGHT:-16000}
"$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$png" "$url" >/dev/null 2>&1
here=$(cd "$(dirname "$0")" && pwd)
if command -v python3 >/dev/null 2>&1; then
    python3 "$here/trim-png.py" "$png" ${MAX_HEIGHT:+--max-height "$MAX_HEIGHT"} >/dev/null
fi
echo "$png"
