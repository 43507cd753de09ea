#!/usr/bin/env python3
"""Checks uccn's closeness and harmonic centrality on a large graph against python-igraph
on a seeded sample of nodes, and times igraph on that sample.

    python3 scripts/check-allpairs-sample.py GRAPH.edges CLOSENESS.json HARMONIC.json \
        [--sample 300] [--seed 42]

The JSON files are `uccn metrics GRAPH --measure closeness|harmonic --format json` outputs.
igraph computes the sampled nodes only (`closeness(vertices=...)`, converted to NetworkX's
Wasserman-Faust value by the component-size factor, and `harmonic_centrality(vertices=...,
normalized=False)`), one breadth-first search per node; its time for the sample, scaled to
all n nodes, is printed as the extrapolated single-thread time of the whole measure.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Benchmarks" / "peers"))
from graphio import read_edges  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("closeness")
    ap.add_argument("harmonic")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    import igraph as ig
    d = read_edges(args.graph)
    n = d.n
    g = ig.Graph(n=n, edges=d.edges.tolist(), directed=False)
    sample = sorted(np.random.default_rng(args.seed).choice(n, size=args.sample, replace=False).tolist())
    sizes = np.array(g.connected_components().sizes())
    membership = np.array(g.connected_components().membership)

    def uccn(path):
        with open(path) as f:
            values = json.load(f)["values"]
        return np.array([values[str(v)] for v in sample])

    start = time.perf_counter()
    c = np.array(g.closeness(vertices=sample, normalized=True), dtype=float)
    c_seconds = time.perf_counter() - start
    r = sizes[membership[sample]]
    c = np.nan_to_num(c) * (r - 1) / (n - 1)
    start = time.perf_counter()
    h = np.array(g.harmonic_centrality(vertices=sample, normalized=False), dtype=float)
    h_seconds = time.perf_counter() - start

    for name, ours, theirs, seconds in [("closeness", uccn(args.closeness), c, c_seconds),
                                        ("harmonic", uccn(args.harmonic), h, h_seconds)]:
        diff = np.max(np.abs(ours - theirs))
        rel = diff / max(1.0, np.max(np.abs(theirs)))
        print(f"{name}: {args.sample} sampled nodes (seed {args.seed}), largest difference {diff:.1e} "
              f"(relative {rel:.1e}) {'✓' if rel <= 1e-9 else '✗'}; igraph {seconds:.2f} s for the sample, "
              f"{seconds / args.sample * n:.0f} s extrapolated to all {n} nodes")


if __name__ == "__main__":
    main()
