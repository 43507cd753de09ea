#!/usr/bin/env bash
# Installs what uccn needs on a Debian machine that already has Swift: Graphviz's C
# libraries and headers (libgraphviz-dev) and pkg-config. Does nothing when they are
# present. Works as root or through sudo.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libgvc 2>/dev/null; then need+=(libgraphviz-dev); fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else
        echo "uccn: need root to run: $*" >&2
        echo "      install sudo, or run this script as root" >&2
        exit 1
    fi
}

if [ ${#need[@]} -gt 0 ]; then
    echo "uccn: installing ${need[*]} with apt-get" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# Graphviz finds its layout and render plugins through a configuration file written when
# libgvc6 is installed; without it every engine is "not recognized". Write it if missing.
libdir=$(pkg-config --variable=libdir libgvc)
if [ ! -s "$libdir/graphviz/config6a" ]; then
    echo "uccn: registering Graphviz plugins (libgvc6-config-update -c)" >&2
    as_root libgvc6-config-update -c
fi
