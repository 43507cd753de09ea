#!/usr/bin/env bash
# Installs what the browser test of `uccn serve` needs on a Debian machine: Debian's
# chromium (apt-get) and Playwright for Python (pip). Playwright drives the system
# Chromium (/usr/bin/chromium); no browser is ever downloaded (never `playwright install`).
# Does nothing when both are present. Works as root or through sudo.
set -euo pipefail

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else
        echo "uccn: need root to run: $*" >&2
        echo "      install sudo, or run this script as root" >&2
        exit 1
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    echo "uccn: installing chromium with apt-get (browser test)" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
fi

if ! python3 -c 'import playwright.sync_api' >/dev/null 2>&1; then
    echo "uccn: installing Playwright for Python with pip (browser test; it uses /usr/bin/chromium)" >&2
    user=(); [ "$(id -u)" -eq 0 ] || user=(--user)
    # Debian's own Python refuses pip installs outside a virtual environment (PEP 668);
    # there the package goes beside the system's with --break-system-packages.
    python3 -m pip install --quiet "${user[@]}" 'playwright>=1.40' >&2 \
        || python3 -m pip install --quiet "${user[@]}" --break-system-packages 'playwright>=1.40' >&2
fi
