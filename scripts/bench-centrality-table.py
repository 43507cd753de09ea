#!/usr/bin/env python3
"""Markdown table of peer and uccn times from the harness's result folder.

Peers: median seconds of the library call. uccn: `compute_seconds` reported by
`uccn metrics` (the computation alone, like the peers' numbers), and in brackets the
whole command (process start, reading the file, computing, printing JSON).
"""
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/uccn-bench-results"
GRAPHS = ["lfr10k", "lfr10k_w", "ba100k", "lfr100k", "ba1m"]
MEASURES = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
            "kcore", "clustering", "components"]
PEERS = ["igraph", "networkit[1t]", "networkx"]


def fmt(s):
    if s is None:
        return ""
    if s < 1e-3:
        return f"{s * 1e3:.3g} ms"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def load(graph, measure, tool):
    path = os.path.join(OUT, graph, measure, tool + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def agreement(graph, measure):
    path = os.path.join(OUT, graph, measure, "agreement.json")
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
