#!/usr/bin/env python3
"""Turn the JSON written by peers.py into Markdown tables (stdout).

    python report.py --out ../results > RESULTS.md
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from adapters import COMMUNITY_MEASURES, MEASURES, PARTITION_MEASURES

TOOL_ORDER = ["igraph", "networkit[1t]", "networkit[2t]", "networkx",
              "leidenalg"]
STATUS_CELL = {"timeout": "timeout", "skipped": "skip", "error": "error",
               "unsupported": "–"}


def load(out: Path):
    """{graph: {measure: {tool: doc}}} and {graph: {measure: agreement}}."""
    results, agreements = {}, {}
    for path in sorted(out.glob("*/*/*.json")):
        graph, measure = path.parent.parent.name, path.parent.name
        doc = json.loads(path.read_text())
        if path.name == "agreement.json":
            agreements.setdefault(graph, {})[measure] = doc
        else:
            doc.pop("values", None)
            results.setdefault(graph, {}).setdefault(measure, {})[
                doc["tool"]] = doc
    return results, agreements


def fmt_seconds(x: float) -> str:
    """3 significant digits, in ms below one second."""
    return f"{x:.3g} s" if x >= 1 else f"{x * 1e3:.3g} ms"


def cell(doc: dict | None, fastest: bool) -> str:
    if doc is None:
        return ""
    if doc["status"] != "ok":
        return STATUS_CELL[doc["status"]]
    text = fmt_seconds(doc["seconds"])
    if doc.get("reported_seconds") is not None:      # candidate's own timing
        text += f" (self {fmt_seconds(doc['reported_seconds'])})"
    return f"**{text}**" if fastest else text


def agreement_cell(measure: str, ag: dict | None) -> str:
    if not ag or not ag.get("pairs"):
        return "(one tool only)" if ag else ""
    pairs = ag["pairs"]
    if measure in COMMUNITY_MEASURES:
        low = min(p["nmi"] for p in pairs)
        return f"NMI ≥ {low:.2f} (not expected equal)"
    if measure in PARTITION_MEASURES:
        same = all(p["identical"] for p in pairs)
        return "identical ✓" if same else "DIFFER ✗"
    worst = max(pairs, key=lambda p: p["max_abs_diff"])
    ok = all(p["agree"] for p in pairs)
    mark = "✓" if ok else f"✗ ({worst['a']} vs {worst['b']})"
    return f"{worst['max_abs_diff']:.1e} {mark}"


def tools_present(results: dict) -> list[str]:
    seen = {t for g in results.values() for m in g.values() for t in m}
    ordered = [t for t in TOOL_ORDER if t in seen]
    return ordered + sorted(seen - set(ordered))


def graph_order(results: dict, manifest: dict) -> list[str]:
    size = lambda g: (manifest.get(g, {}).get("n", 0)  # noqa: E731
                      + manifest.get(g, {}).get("m", 0), g)
    return sorted(results, key=size)


def fastest_tool(per_tool: dict, single_thread: bool = False):
    """Fastest *peer* (a candidate is never the anchor)."""
    ok = {t: d["seconds"] for t, d in per_tool.items()
          if t in TOOL_ORDER and d["status"] == "ok"
          and (not single_thread or d["threads"] == 1)}
    return min(ok, key=ok.get) if ok else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "results")
    ap.add_argument("--graphs-dir", type=Path,
                    default=Path(__file__).resolve().parent.parent / "graphs")
    args = ap.parse_args()

    manifest_file = args.graphs_dir / "manifest.json"
    manifest = (json.loads(manifest_file.read_text())
                if manifest_file.exists() else {})
    results, agreements = load(args.out)
    tools = tools_present(results)
    graphs = graph_order(results, manifest)
    lines = []
    emit = lines.append

    emit("# Peer benchmark results\n")
    emit("Median wall-clock seconds of the measure call only (graph loading "
         "excluded, see the load-time table). **Bold** = fastest peer. "
         "`skip` = not attempted because it timed out on a smaller graph or "
         "its extrapolated time exceeded the timeout; `–` = not offered by "
         "that library. *agreement* = largest max-abs-difference between "
         "any two tools after conversion to the canonical (networkx) "
         "definitions, ✓ when within tolerance.\n")

    emit("## Graphs\n")
    emit("| graph | n | m | weighted | communities | .edges | .graphml |")
    emit("|---|---:|---:|---|---:|---:|---:|")
    for g in graphs:
        info = manifest.get(g, {})
        size = info.get("bytes", {})
        mib = lambda k: (f"{size[k] / 2**20:.1f} MiB"  # noqa: E731
                         if k in size else "")
        emit(f"| {g} | {info.get('n', 0):,} | {info.get('m', 0):,} | "
             f"{'yes' if info.get('weighted') else 'no'} | "
             f"{info.get('communities') or ''} | {mib('edges')} | "
             f"{mib('graphml')} |")
    emit("")

    for g in graphs:
        info = manifest.get(g, {})
        emit(f"## {g} (n={info.get('n', 0):,}, m={info.get('m', 0):,}"
             f"{', weighted' if info.get('weighted') else ''})\n")
        emit("| measure | " + " | ".join(tools) + " | agreement |")
        emit("|---|" + "---:|" * len(tools) + "---|")
        for measure in MEASURES:
            per_tool = results[g].get(measure, {})
            if not per_tool:
                continue
            best = fastest_tool(per_tool)
            cells = [cell(per_tool.get(t), t == best) for t in tools]
            emit(f"| {measure} | " + " | ".join(cells) + " | "
                 + agreement_cell(measure, agreements.get(g, {}).get(measure))
                 + " |")
        emit("")

    emit("## Anchor: fastest peer per measure\n")
    emit("Fastest overall (any thread count) / fastest single-threaded.\n")
    emit("| measure | " + " | ".join(graphs) + " |")
    emit("|---|" + "---|" * len(graphs))
    for measure in MEASURES:
        row = []
        for g in graphs:
            per_tool = results[g].get(measure, {})
            best, best1 = fastest_tool(per_tool), fastest_tool(per_tool, True)
            if best is None:
                row.append("–")
                continue
            text = f"{best} {fmt_seconds(per_tool[best]['seconds'])}"
            if best1 and best1 != best:
                text += (f" / {best1} "
                         f"{fmt_seconds(per_tool[best1]['seconds'])}")
            row.append(text)
        emit(f"| {measure} | " + " | ".join(row) + " |")
    emit("")

    emit("## networkit: 2 threads vs 1 thread (speed-up = t1 / t2)\n")
    emit("| measure | " + " | ".join(graphs) + " |")
    emit("|---|" + "---:|" * len(graphs))
    for measure in MEASURES:
        row = []
        for g in graphs:
            per_tool = results[g].get(measure, {})
            a, b = per_tool.get("networkit[1t]"), per_tool.get("networkit[2t]")
            ok = a and b and a["status"] == b["status"] == "ok"
            row.append(f"{a['seconds'] / b['seconds']:.2g}×" if ok else "")
        emit(f"| {measure} | " + " | ".join(row) + " |")
    emit("")

    emit("## Clustering quality\n")
    emit("Modularity computed by the harness (same code for every tool); NMI "
         "against the planted LFR communities where they exist; k = number of "
         "communities. Seed 42 everywhere.\n")
    emit("| graph | algorithm | tool | modularity | NMI | k | seconds |")
    emit("|---|---|---|---:|---:|---:|---:|")
    for g in graphs:
        for measure in ("louvain", "leiden", "label_propagation"):
            for tool, doc in results[g].get(measure, {}).items():
                if doc["status"] != "ok":
                    continue
                q = doc["quality"]
                nmi = f"{q['nmi']:.3f}" if "nmi" in q else ""
                emit(f"| {g} | {measure} | {tool} | {q['modularity']:.4f} | "
                     f"{nmi} | {q['count']} | {fmt_seconds(doc['seconds'])} |")
    emit("")

    emit("## Load time (parse .edges with numpy + build the library graph)\n")
    emit("| graph | " + " | ".join(tools) + " |")
    emit("|---|" + "---:|" * len(tools))
    for g in graphs:
        row = []
        for t in tools:
            loads = [d["load_seconds"] for d in
                     (results[g].get(m, {}).get(t) for m in MEASURES)
                     if d and d.get("load_seconds") is not None]
            row.append(fmt_seconds(min(loads)) if loads else "")
        emit(f"| {g} | " + " | ".join(row) + " |")
    emit("")

    emit("## Not run\n")
    emit("| graph | tool | measure | status | reason |")
    emit("|---|---|---|---|---|")
    for g in graphs:
        for measure in MEASURES:
            for tool, doc in results[g].get(measure, {}).items():
                if doc["status"] in ("timeout", "skipped", "error"):
                    emit(f"| {g} | {tool} | {measure} | {doc['status']} | "
                         f"{doc['reason']} |")
    emit("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
