#!/usr/bin/env python3
"""Markdown table of peer and uccn times from the harness's result folder.

Peers: median seconds of the library call. uccn: `compute_seconds` reported by
`uccn metrics` (the computation alone, like the peers' numbers), and in brackets the
whole command (process start, reading the file, computing, printing JSON).
"""
import os
import sys

from bench_results import agreement_text, load_result, seconds_text

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "results", "quiet")
GRAPHS = ["lfr10k", "lfr10k_w", "ba100k", "lfr100k", "ba1m"]
MEASURES = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
            "kcore", "clustering", "components"]
PEERS = ["igraph", "networkit[1t]", "networkx"]


def fmt(s):
    return seconds_text(s, missing="")


def load(graph, measure, tool):
    return load_result(OUT, graph, measure, tool)


def agreement(graph, measure):
    return agreement_text(OUT, graph, measure)


print("| graph | measure | igraph | NetworKit 1t | fastest peer | uccn 1t | uccn 2t | uccn / fastest | agreement |")
print("|---|---|---:|---:|---|---:|---:|---:|---|")
for g in GRAPHS:
    for m in MEASURES:
        peers = {}
        for p in PEERS:
            r = load(g, m, p)
            if r and r.get("status") == "ok":
                peers[p] = r["seconds"]
        u1 = load(g, m, "uccn")
        u2 = load(g, m, "uccn[2t]")
        if not peers and not u1:
            continue
        fastest = min(peers.items(), key=lambda kv: kv[1]) if peers else None

        def cand(r):
            if not r or r.get("status") != "ok":
                return r.get("status", "") if r else ""
            self_s = r.get("reported_seconds")
            return f"{fmt(self_s)} ({fmt(r['seconds'])})"
        ratio = ""
        if fastest and u1 and u1.get("status") == "ok" and u1.get("reported_seconds"):
            ratio = f"{u1['reported_seconds'] / fastest[1]:.2f}×"
        cells = [g, m, fmt(peers.get("igraph")), fmt(peers.get("networkit[1t]")),
                 f"{fastest[0]} {fmt(fastest[1])}" if fastest else "",
                 cand(u1), cand(u2), ratio, agreement(g, m)]
        print("| " + " | ".join(cells) + " |")
