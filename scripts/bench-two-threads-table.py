#!/usr/bin/env python3
"""Markdown table of the two-thread run (scripts/bench-two-threads.sh).

igraph: median seconds of the library call (one thread). uccn: `compute_seconds` reported
by `uccn metrics` and, in brackets, the whole command. Ratios use compute seconds.
  bench-two-threads-table.py OUT [GRAPH...]
"""
import os
import sys

from bench_results import agreement_text, load_result, seconds_text

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "results", "two-threads")
GRAPHS = sys.argv[2:] or ["lfr10k"]
MEASURES = ["betweenness", "closeness", "harmonic"]


def load(graph, measure, tool):
    r = load_result(OUT, graph, measure, tool)
    return r if r and r.get("status") == "ok" else None


def agreement(graph, measure):
    return agreement_text(OUT, graph, measure)


def fmt(s):
    return seconds_text(s)


def uccn(r):
    if r is None:
        return None, ""
    compute = r.get("reported_seconds") or r["seconds"]
    return compute, f"{fmt(compute)} ({fmt(r['seconds'])})"


print("| graph | measure | igraph 1t | uccn 1t | uccn 2t | uccn 2t / igraph | 2t speed-up (1t / 2t) | agreement |")
print("|---|---|---:|---:|---:|---:|---:|---|")
for g in GRAPHS:
    for m in MEASURES:
        ig = load(g, m, "igraph")
        c1, t1 = uccn(load(g, m, "uccn[1t]"))
        c2, t2 = uccn(load(g, m, "uccn[2t]"))
        if ig is None and c1 is None and c2 is None:
            continue
        igs = ig["seconds"] if ig else None
        ratio = f"{c2 / igs:.2f}×" if c2 and igs else ""
        speed = f"{c1 / c2:.2f}×" if c1 and c2 else ""
        print(f"| {g} | {m} | {fmt(igs)} | {t1} | {t2} | {ratio} | {speed} | {agreement(g, m)} |")
