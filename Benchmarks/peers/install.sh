#!/usr/bin/env bash
# Installs the peers of the benchmark harness from PyPI at the versions in requirements.txt
# (python-igraph 1.0.0, NetworKit 11.3, leidenalg 0.12.0, NetworkX 3.6.1, numpy, scipy) and
# prints the versions Python then imports. With VENV=DIR they go into a virtual environment
# at DIR (created if missing; then run the harness with DIR/bin/python3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
if [ -n "${VENV:-}" ]; then
    [ -x "$VENV/bin/python3" ] || "$python" -m venv "$VENV"
    python=$VENV/bin/python3
fi
"$python" -m pip install --quiet -r "$here/requirements.txt"
"$python" - <<'PY'
import igraph, leidenalg, networkit, networkx, numpy, scipy
for m in (igraph, networkit, leidenalg, networkx, numpy, scipy):
    print(f"{m.__name__} {m.__version__}")
PY
