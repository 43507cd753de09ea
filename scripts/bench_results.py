"""Reading the shared harness's result folder (OUT/GRAPH/MEASURE/TOOL.json) for the
Markdown tables of BENCHMARKS.md (bench-centrality-table.py, bench-clusters-table.py)."""
import json
import os


def seconds_text(s, missing=""):
    """A time in seconds as "12.3 ms" below one second, "1.23 s" above; `missing` for None."""
    if s is None:
        return missing
    return f"{s * 1e3:.3g} ms" if s < 1 else f"{s:.3g} s"


def load_result(out, graph, measure, tool):
    """One tool's result for one graph and measure, or None when the harness wrote none."""
    path = os.path.join(out, graph, measure, tool + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def agreement_text(out, graph, measure):
    """How uccn's values agree with the other tools': the largest difference and ✓/✗ for
    values, the smallest NMI and whether the labels are identical for partitions."""
    path = os.path.join(out, graph, measure, "agreement.json")
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        a = json.load(f)
    pairs = [p for p in a.get("pairs", []) if "uccn" in (p["a"] + p["b"])]
    if not pairs:
        return ""
    if any("nmi" in p for p in pairs):   # partitions (components): identical labels
        ok = all(p.get("identical") for p in pairs)
        return f"NMI {min(p['nmi'] for p in pairs):.3f} {'✓' if ok else '✗'}"
    worst = max(p.get("max_abs_diff", 0) or 0 for p in pairs)
    ok = all(p.get("agree") for p in pairs)
    return f"{worst:.1e} {'✓' if ok else '✗'}"
