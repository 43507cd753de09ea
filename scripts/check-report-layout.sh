#!/usr/bin/env bash
# Checks the planner report as a phone, a desktop browser and a printer show it, with
# headless Chromium:
#   - at 390 px and 1280 px wide the page has no sideways overflow (the document's scroll
#     width equals the viewport's width);
#   - printed to A4 PDF it has at most MAX_PAGES pages (default 12).
#   scripts/check-report-layout.sh [--uccn PATH] [--city NAME] [--screenshots DIR]
# Writes the report into a temporary folder with `uccn report` (default .build/debug/uccn,
# built first if missing). With --screenshots, also writes report-phone.png (the top of the
# page at 390 px), report-phone-maps.png (the maps at 390 px), report-desktop.png and
# report-desktop-maps.png (the top and the world map at 1280 px)
# and report-print.pdf into DIR. Installs Chromium with apt-get when it is missing (as root
# or through sudo). Exit status 1 when a check fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
uccn="$root/.build/debug/uccn"
city="Hanoi"
shots=""
max_pages=${MAX_PAGES:-12}
while [ $# -gt 0 ]; do
    case "$1" in
        --uccn) uccn=$2; shift 2 ;;
        --city) city=$2; shift 2 ;;
        --screenshots) shots=$2; shift 2 ;;
        *) echo "check-report-layout: unknown argument $1" >&2; exit 64 ;;
    esac
done

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else
        echo "check-report-layout: need root to run: $*" >&2
        exit 1
    fi
}

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "check-report-layout: installing chromium with apt-get" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core >&2
    browser=chromium
fi
if [ ! -x "$uccn" ]; then
    (cd "$root" && swift build --product uccn >&2)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$uccn" report --city "$city" --output "$work/report" >/dev/null
html="$work/report/report.html"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --disable-dev-shm-usage
       --no-first-run --no-default-browser-check --force-device-scale-factor=1
       --allow-file-access-from-files)

# Headless Chromium keeps its window at least 500 px wide, so the report is opened in a
# frame of the exact width inside a probe page, whose one line of script writes the frame's
# scroll width and viewport width into its title (the report itself has no script).
probe() { # probe WIDTH HEIGHT FRAGMENT: writes $work/report/_probe.html
    {
        echo '<!DOCTYPE html><html><head><title>probe</title>'
        echo '<style>body{margin:0}iframe{border:0;display:block}</style></head><body>'
        echo "<iframe id=\"f\" src=\"report.html$3\" style=\"width:$1px;height:$2px\"></iframe>"
        echo "<script>document.getElementById('f').addEventListener('load', function () {"
        echo "  document.title = 'widths ' + this.contentDocument.documentElement.scrollWidth"
        echo "    + ' ' + this.contentWindow.innerWidth; });</script>"
        echo '</body></html>'
    } >"$work/report/_probe.html"
}

status=0
for width in 390 1280; do
    probe "$width" 900 ""
    window=$((width < 500 ? 500 : width))
    dom=$("$browser" "${flags[@]}" --window-size="$window,900" --virtual-time-budget=5000 --dump-dom \
        "file://$work/report/_probe.html" 2>/dev/null)
    read -r scroll viewport < <(printf '%s' "$dom" | python3 -c '
import re, sys
m = re.search(r"<title>widths (\d+) (\d+)</title>", sys.stdin.read())
print(*(m.groups() if m else ("?", "?")))')
    if [ "$scroll" = "?" ]; then
        echo "check-report-layout: FAIL at $width px: could not read the page width" >&2
        status=1
    elif [ "$viewport" != "$width" ]; then
        echo "check-report-layout: FAIL at $width px: the report's viewport is $viewport px" >&2
        status=1
    elif [ "$scroll" -ne "$viewport" ]; then
        echo "check-report-layout: FAIL at $width px: the page is $scroll px wide (sideways overflow)" >&2
        status=1
    else
        echo "check-report-layout: $width px wide: scroll width $scroll = viewport $viewport, no sideways overflow"
    fi
done

pdf="$work/report.pdf"
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
pages=$(python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
print(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)))' "$pdf")
if [ "$pages" -gt "$max_pages" ]; then
    echo "check-report-layout: FAIL printed (A4): $pages pages, more than $max_pages" >&2
    status=1
else
    echo "check-report-layout: printed (A4): $pages pages (at most $max_pages)"
fi

if [ -n "$shots" ]; then
    mkdir -p "$shots"
    shoot() { # shoot WIDTH HEIGHT FRAGMENT OUT.png
        probe "$1" "$2" "$3"
        local window=$(($1 < 500 ? 500 : $1))
        "$browser" "${flags[@]}" --window-size="$window,$2" --virtual-time-budget=5000 \
            --screenshot="$4" "file://$work/report/_probe.html" >/dev/null 2>&1
        python3 "$here/trim-png.py" "$4" --width "$1" >/dev/null
    }
    shoot 390 2400 "" "$shots/report-phone.png"
    # A frame opened at a fragment is scrolled to it: the maps section.
    shoot 390 2400 "#maps" "$shots/report-phone-maps.png"
    shoot 1280 2600 "" "$shots/report-desktop.png"
    shoot 1280 2600 "#map-geo" "$shots/report-desktop-maps.png"
    cp "$pdf" "$shots/report-print.pdf"
    echo "check-report-layout: screenshots in $shots"
fi
exit $status
