#!/usr/bin/env python3
"""Markdown table of Louvain and Leiden beside the peers from the harness's result folder.

Peers: median seconds of the library call (one thread). uccn: the `compute_seconds` that
`uccn clusters` reports (median of the runs), and the whole command. Q and NMI are the
harness's own (the same code for every tool); best peer in brackets.
"""
import os
import sys

from bench_results import load_result, seconds_text

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "results", "quiet")
GRAPHS = ["lfr1k", "lfr10k", "lfr100k"]
PEERS = ["igraph", "networkit[1t]", "leidenalg"]


def fmt(s):
    return seconds_text(s, missing="–")


def load(graph, measure, tool):
    return load_result(OUT, graph, measure, tool)


print("| graph | algorithm | igraph | NetworKit 1t | leidenalg | uccn self | uccn whole | uccn / fastest | Q uccn (best peer) | NMI uccn (best peer) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|---|")
for g in GRAPHS:
    for m in ["louvain", "leiden"]:
        times, qs, nmis = {}, [], []
        for p in PEERS:
            r = load(g, m, p)
            if r and r.get("status") == "ok":
                times[p] = r["seconds"]
                q = r.get("quality") or {}
                if q.get("modularity") is not None:
                    qs.append(q["modularity"])
                if q.get("nmi") is not None:
                    nmis.append(q["nmi"])
            elif r:
                times[p] = None
        u = load(g, m, "uccn")
        if not u or u.get("status") != "ok":
            continue
        # The harness reports the median of the compute_seconds uccn printed.
        self_s = u.get("reported_seconds")
        fastest = min((t for t in times.values() if t), default=None)
        ratio = f"{self_s / fastest:.2f}×" if fastest and self_s else ""
        uq = u.get("quality") or {}
        cells = [g, m, fmt(times.get("igraph")), fmt(times.get("networkit[1t]")),
                 fmt(times.get("leidenalg")) if m == "leiden" else "–",
                 fmt(self_s), fmt(u["seconds"]), ratio,
                 f"{uq.get('modularity', 0):.4f} ({max(qs):.4f})" if qs else f"{uq.get('modularity', 0):.4f}",
                 f"{uq.get('nmi', 0):.3f} ({max(nmis):.3f})" if nmis else f"{uq.get('nmi', 0):.3f}"]
        print("| " + " | ".join(cells) + " |")
